// Drains one SDK paginator: every page is checked with its zod schema as it arrives, and any failure of
// the call itself (a 5xx after every retry, throttling past the retries, an unreadable body) surfaces as
// "<API> <Operation> failed: ...", so the job history names what broke.
import type { z } from "zod";
import { AwsCallError } from "../../aws/call-aws";
import { parsePayload } from "../../aws/parse-payload";

export interface AwsOperation {
  api: string;
  operation: string;
}

export async function collectPages<P>(
  { api, operation }: AwsOperation,
  pages: AsyncIterable<unknown>,
  schema: z.ZodType<P>,
  signal?: AbortSignal,
): Promise<P[]> {
  const iterator = pages[Symbol.asyncIterator]();
  const parsed: P[] = [];
  for (;;) {
    let next: IteratorResult<unknown>;
    try {
      next = await iterator.next();
    } catch (error) {
      // A cancelled run reports why it was cancelled, not the SDK's AbortError.
      if (signal?.aborted) throw signal.reason;
      throw new AwsCallError(api, operation, error);
    }
    if (next.done) return parsed;
    parsed.push(parsePayload(schema, next.value, api, operation));
  }
}

/** One call that is not paged (DescribeTargetHealth), with the same error wrapping and validation. */
export async function callOnce<P>(
  operation: AwsOperation,
  call: () => Promise<unknown>,
  schema: z.ZodType<P>,
  signal?: AbortSignal,
): Promise<P> {
  async function* single() {
    yield await call();
  }
  const [page] = await collectPages(operation, single(), schema, signal);
  return page!;
}
