// Faults queued through POST /_sim/faults and consumed by dispatch, one per matching request, in the
// order they were queued.
import { SimError } from "./types";

export type FaultKind = "throttle" | "server-error" | "slow" | "malformed";

export interface Fault {
  api: string;
  operation: string; // "*" matches every operation of the API
  kind: FaultKind;
  count: number;
  delayMs: number;
}

const KINDS: readonly FaultKind[] = ["throttle", "server-error", "slow", "malformed"];

/** Throttling as each API family spells it; anything not listed speaks AWS JSON. */
const THROTTLE_ERRORS: Record<string, { code: string; status: number }> = {
  ec2: { code: "RequestLimitExceeded", status: 503 },
  rds: { code: "Throttling", status: 400 },
  autoscaling: { code: "Throttling", status: 400 },
  elbv2: { code: "Throttling", status: 400 },
  cloudwatch: { code: "Throttling", status: 400 },
  s3: { code: "SlowDown", status: 503 },
  opencost: { code: "TooManyRequests", status: 429 },
  github: { code: "rate limit exceeded", status: 429 },
};

export function throttleError(api: string): SimError {
  const spec = THROTTLE_ERRORS[api] ?? { code: "ThrottlingException", status: 400 };
  return new SimError(spec.code, "Rate exceeded", spec.status);
}

export function serverError(): SimError {
  return new SimError(
    "InternalFailure",
    "The request processing has failed because of an unknown error, exception or failure.",
    500,
  );
}

/** Parses a POST /_sim/faults body; throws a message for the caller on bad input. */
export function parseFault(input: unknown): Fault {
  if (input === null || typeof input !== "object") throw new Error("body must be a JSON object");
  const body = input as Record<string, unknown>;
  const { api, operation = "*", kind, count = 1, delayMs = 2000 } = body;
  if (typeof api !== "string" || api === "") throw new Error("api must be a non-empty string");
  if (typeof operation !== "string" || operation === "") throw new Error("operation must be a non-empty string");
  if (typeof kind !== "string" || !KINDS.includes(kind as FaultKind))
    throw new Error(`kind must be one of ${KINDS.join(", ")}`);
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1)
    throw new Error("count must be a positive integer");
  if (typeof delayMs !== "number" || delayMs < 0 || delayMs > 120_000) throw new Error("delayMs must be 0..120000");
  return { api, operation, kind: kind as FaultKind, count, delayMs };
}

export class FaultQueue {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** The first fault matching the request, with one use consumed. */
  take(api: string, operation: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.api === api && (f.operation === "*" || f.operation === operation));
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.count -= 1;
    if (fault.count === 0) this.faults.splice(index, 1);
    return { ...fault };
  }
}
