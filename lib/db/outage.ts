// Whether this process found its database unreachable a moment ago. A server component cannot set its
// response status, so a page whose reads fail shows its problem panel with a 200; proxy.ts asks here first
// and, while the database stays unreachable, answers page requests with a 503 itself. Kept on globalThis:
// the proxy and the pages are separate bundles in one process.
import { getPrisma } from "./prisma";

const holder = globalThis as { __costlensDatabaseDownSince?: number };

const PING_TIMEOUT_MS = 2_000;

export function noteDatabaseUnreachable(now = Date.now()) {
  holder.__costlensDatabaseDownSince ??= now;
}

export function noteDatabaseReachable() {
  holder.__costlensDatabaseDownSince = undefined;
}

/** When the outage was first seen, or undefined while the database answers. */
export function databaseDownSince(): number | undefined {
  return holder.__costlensDatabaseDownSince;
}

/** After an outage was seen: one cheap query decides whether it is over. */
export async function databaseAnswers(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error("the database did not answer in time")), PING_TIMEOUT_MS);
    });
    await Promise.race([getPrisma().then((prisma) => prisma.$queryRaw`SELECT 1`), timeout]);
    noteDatabaseReachable();
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
