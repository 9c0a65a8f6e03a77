// Fixed-window rate limits kept in Postgres (rate_limit_windows), so every web replica counts against the
// same window. One atomic upsert counts a hit and returns the window's total: no read-then-write race.
import type { PrismaClient } from "../db/generated/client";

export type RateLimitPolicy = { name: string; limit: number; windowSeconds: number };

/** Starting jobs: a few clicks a minute is a person; more is a script or a stuck button. */
export const JOB_START_LIMIT: RateLimitPolicy = { name: "jobs.start", limit: 10, windowSeconds: 60 };
/** Opening pull requests: each one is several GitHub calls and a branch in the infrastructure repository. */
export const PULL_REQUEST_LIMIT: RateLimitPolicy = { name: "pull-request.open", limit: 20, windowSeconds: 600 };

export type RateLimitResult = { allowed: boolean; hits: number; limit: number; retryAfterSeconds: number };

export async function hitRateLimit(
  prisma: PrismaClient,
  policy: RateLimitPolicy,
  subject: string,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const windowMs = policy.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const key = `${policy.name}:${subject}`;
  const rows = await prisma.$queryRaw<{ hits: number }[]>`
    INSERT INTO rate_limit_windows (key, window_start, hits) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
    RETURNING hits`;
  const hits = Number(rows[0]?.hits ?? 1);
  // The first hit of a window clears the key's earlier windows, so the table holds about one row a key.
  if (hits === 1) {
    await prisma.$executeRaw`DELETE FROM rate_limit_windows WHERE key = ${key} AND window_start < ${windowStart}`;
  }
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: hits <= policy.limit, hits, limit: policy.limit, retryAfterSeconds };
}

/** A 429 for a refused hit, or null when the hit is allowed. */
export async function enforceRateLimit(
  prisma: PrismaClient,
  policy: RateLimitPolicy,
  subject: string,
): Promise<Response | null> {
  const result = await hitRateLimit(prisma, policy, subject);
  if (result.allowed) return null;
  return Response.json(
    { error: `Too many requests: at most ${policy.limit} every ${policy.windowSeconds} seconds. Try again shortly.` },
    { status: 429, headers: { "retry-after": String(result.retryAfterSeconds), "cache-control": "no-store" } },
  );
}
