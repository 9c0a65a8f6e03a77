/** Waits for the next poll, or less when the worker is stopping (also when it was stopped during the tick:
 * an abort listener added after the abort would never fire). The listener goes when the timer fires: one
 * left behind per poll was a leak in a worker that runs for weeks. */
export function untilNextPoll(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", stop);
      resolve();
    }, ms);
    signal.addEventListener("abort", stop, { once: true });
  });
}
