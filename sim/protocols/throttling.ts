// A throttling fault is injected by name ("Throttling"), but each AWS protocol spells the error its own
// way: EC2 RequestLimitExceeded, the query services and CloudWatch Throttling, JSON services
// ThrottlingException. Renderers translate through this set so the SDK's retry logic recognises it.
export const THROTTLING_CODES: ReadonlySet<string> = new Set([
  "Throttling",
  "ThrottlingException",
  "RequestLimitExceeded",
  "TooManyRequestsException",
]);

export function throttlingAs(code: string, protocolCode: string): string {
  return THROTTLING_CODES.has(code) ? protocolCode : code;
}
