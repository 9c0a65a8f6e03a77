import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enforceRateLimit, hitRateLimit, type RateLimitPolicy } from "@/lib/security/rate-limit";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

let database: TestDatabase;

// The unit project's default timeouts are for pure functions; creating and migrating PGlite takes longer
// on a busy machine.
beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);

afterAll(async () => {
  await database.drop();
});

const policy: RateLimitPolicy = { name: "test.limit", limit: 3, windowSeconds: 60 };

describe("hitRateLimit (fixed window in rate_limit_windows)", { timeout: 60_000 }, () => {
  it("allows the limit, refuses the next hit with the seconds left in the window", async () => {
    const at = new Date("2026-11-26T10:00:15Z");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(database.prisma, policy, "ana", at));
    expect(results.map((result) => [result.hits, result.allowed])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
    ]);
    expect(results[3]!.retryAfterSeconds).toBe(45);
  });

  it("counts each subject apart, and starts again in the next window, dropping the old one", async () => {
    expect((await hitRateLimit(database.prisma, policy, "ben", new Date("2026-11-26T10:00:20Z"))).hits).toBe(1);
    const next = await hitRateLimit(database.prisma, policy, "ana", new Date("2026-11-26T10:01:00Z"));
    expect(next).toMatchObject({ hits: 1, allowed: true, retryAfterSeconds: 60 });
    const rows = await database.prisma.rateLimitWindow.findMany({ where: { key: "test.limit:ana" } });
    expect(rows.map((row) => row.windowStart.toISOString())).toEqual(["2026-11-26T10:01:00.000Z"]);
  });

  it("counts concurrent hits exactly (one atomic upsert each)", async () => {
    const at = new Date("2026-11-26T11:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 20 }, () => hitRateLimit(database.prisma, { ...policy, limit: 100 }, "burst", at)),
    );
    expect(results.map((result) => result.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it("answers 429 with Retry-After once the limit is spent", async () => {
    const strict: RateLimitPolicy = { name: "test.strict", limit: 1, windowSeconds: 3600 };
    expect(await enforceRateLimit(database.prisma, strict, "carol")).toBeNull();
    const refused = await enforceRateLimit(database.prisma, strict, "carol");
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused!.json()) as { error: string }).error).toMatch(/Too many requests/);
  });
});
