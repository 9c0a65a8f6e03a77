// Serialises writes to one repository: every check-then-write sequence (a duplicate pull request check, a
// merge) runs alone, so concurrent requests cannot both pass the check.
const tails = new Map<string, Promise<unknown>>();

export function withRepoLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(dir) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  tails.set(dir, tail);
  void tail.then(() => {
    if (tails.get(dir) === tail) tails.delete(dir);
  });
  return run;
}
