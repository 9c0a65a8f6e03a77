// Wraps one SDK call so that any failure (throttled past every retry, a 5xx, a body the SDK could not
// parse) reads as "<API> <Operation> failed: ..." in the job history, with the SDK's error as the cause.
export class AwsCallError extends Error {
  constructor(
    readonly api: string,
    readonly operation: string,
    cause: unknown,
  ) {
    const name = cause instanceof Error && cause.name !== "Error" ? `${cause.name}: ` : "";
    super(`${api} ${operation} failed: ${name}${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "AwsCallError";
  }
}

export async function callAws<T>(api: string, operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new AwsCallError(api, operation, error);
  }
}
