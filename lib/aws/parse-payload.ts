// Every payload from AWS, OpenCost and GitHub is checked with zod before anything is written. A payload
// that does not fit fails with an error naming the API, the operation and the field, so a malformed page
// stops the run and leaves the stored data as it was.
import type { z } from "zod";

export class PayloadError extends Error {
  constructor(
    readonly api: string,
    readonly operation: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${api} ${operation} returned an unexpected payload: ${field || "(root)"}: ${detail}`);
    this.name = "PayloadError";
  }
}

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    "",
  );
}

export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown, api: string, operation: string): T {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new PayloadError(api, operation, fieldPath(issue.path), issue.message);
}
