import { describe, expect, it } from "vitest";
import { inBatches, rowsPerStatement } from "@/lib/db/statement-batches";

describe("statement batches", () => {
  it("keeps a statement's parameters under Prisma's Postgres limit of 32,767", () => {
    for (const columns of [1, 16, 20, 30, 500]) {
      expect(rowsPerStatement(columns) * columns).toBeLessThan(32_767);
      expect(rowsPerStatement(columns)).toBeGreaterThan(0);
    }
    expect(rowsPerStatement(40_000)).toBe(1);
  });

  it("splits rows in order, the last batch holding the rest", () => {
    expect(inBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inBatches([], 3)).toEqual([]);
  });
});
