import { describe, expect, it } from "vitest";
import {
  checkWindow,
  previousWindow,
  spendWindowQuerySchema,
  squadSpendQuerySchema,
} from "@/lib/queries/spend/spend-params";

describe("spend query strings", () => {
  it("accepts ISO days and empty values, and defaults groupBy to namespace", () => {
    expect(spendWindowQuerySchema.parse({ from: "2026-10-01", to: "" })).toEqual({ from: "2026-10-01" });
    expect(squadSpendQuerySchema.parse({})).toEqual({ groupBy: "namespace" });
  });

  it("rejects malformed and impossible dates and unknown groupBy without echoing them", () => {
    const bad = spendWindowQuerySchema.safeParse({ from: "<script>" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("from must be a date as YYYY-MM-DD");
    expect(spendWindowQuerySchema.safeParse({ to: "2026-02-30" }).error?.issues[0]?.message).toMatch(/real calendar/);
    expect(squadSpendQuerySchema.safeParse({ groupBy: "pods" }).error?.issues[0]?.message).toBe(
      'groupBy must be "namespace" or "service"',
    );
  });

  it("checks from < to and at most 400 days; the previous window has the same length", () => {
    expect(() => checkWindow({ from: "2026-10-02", to: "2026-10-02" })).toThrow(/from must be before to/);
    expect(() => checkWindow({ from: "2025-01-01", to: "2026-10-02" })).toThrow(/at most 400 days/);
    expect(previousWindow({ from: "2026-10-01", to: "2026-10-31" })).toEqual({ from: "2026-09-01", to: "2026-10-01" });
  });
});
