// Counts the HTTP requests an SDK client sends, retries included: Cost Explorer bills each one, and the
// job history shows what every run cost.
import type { MiddlewareStack } from "@smithy/types";

export interface RequestCounter {
  count: number;
}

// The deserialize step runs once per attempt (the retry middleware sits above it), so every request that
// went over the wire is counted exactly once.
export function countRequests<Input extends object, Output extends object>(
  client: { middlewareStack: MiddlewareStack<Input, Output> },
  counter: RequestCounter,
) {
  client.middlewareStack.add(
    (next) => async (args) => {
      counter.count += 1;
      return next(args);
    },
    { step: "deserialize", name: "costlensRequestCounter", priority: "low" },
  );
}
