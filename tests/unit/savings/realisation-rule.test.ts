import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/db/decimal";
import { addDays } from "@/lib/format/dates";
import { judgeRealisation, type GroupCostDay } from "@/lib/savings/realisation-rule";

const MERGED = "2026-11-10";

/** Daily group totals from `from` for `count` days, at `amount` a day. */
function days(from: string, count: number, amount: string, estimated = false): GroupCostDay[] {
  return Array.from({ length: count }, (_, i) => ({ day: addDays(from, i), amount: new Decimal(amount), estimated }));
}

const before = days(addDays(MERGED, -7), 7, "100");

describe("judgeRealisation", () => {
  it("realises the observed drop, as a month of 730 hours, when it is below the projection", () => {
    const outcome = judgeRealisation({
      projectedMonthlySaving: new Decimal("500"),
      mergedOn: MERGED,
      changeSeenOn: MERGED,
      costs: [...before, ...days(addDays(MERGED, 1), 4, "88")],
    });
    expect(outcome.kind).toBe("realised");
    if (outcome.kind !== "realised") return;
    expect(outcome.observedDailyDrop.toFixed()).toBe("12");
    expect(outcome.monthlySaving.toFixed()).toBe("365"); // 12 x 730 / 24
    expect(outcome).toMatchObject({ beforeDays: 7, afterDays: 4 });
  });

  it("caps the realised saving at the projected saving", () => {
    const outcome = judgeRealisation({
      projectedMonthlySaving: new Decimal("200"),
      mergedOn: MERGED,
      changeSeenOn: MERGED,
      costs: [...before, ...days(addDays(MERGED, 1), 3, "50")],
    });
    expect(outcome.kind === "realised" && outcome.monthlySaving.toFixed()).toBe("200");
  });

  it("realises nothing when the group's cost did not drop", () => {
    const outcome = judgeRealisation({
      projectedMonthlySaving: new Decimal("200"),
      mergedOn: MERGED,
      changeSeenOn: MERGED,
      costs: [...before, ...days(addDays(MERGED, 1), 5, "101")],
    });
    expect(outcome.kind).toBe("no-drop");
    expect(outcome.kind === "no-drop" && outcome.observedDailyDrop.toFixed()).toBe("-1");
  });

  it("never uses estimated days: with fewer than three settled days after the change it waits", () => {
    const outcome = judgeRealisation({
      projectedMonthlySaving: new Decimal("200"),
      mergedOn: MERGED,
      changeSeenOn: MERGED,
      costs: [...before, ...days(addDays(MERGED, 1), 2, "10"), ...days(addDays(MERGED, 3), 3, "0", true)],
    });
    expect(outcome).toEqual({ kind: "waiting", reason: "fewer than 3 settled cost days after the change" });
  });

  it("leaves estimated days out of the means", () => {
    const outcome = judgeRealisation({
      projectedMonthlySaving: new Decimal("1000"),
      mergedOn: MERGED,
      changeSeenOn: MERGED,
      costs: [...before, ...days(addDays(MERGED, 1), 3, "76"), ...days(addDays(MERGED, 4), 3, "0", true)],
    });
    expect(outcome.kind === "realised" && outcome.observedDailyDrop.toFixed()).toBe("24");
    expect(outcome.kind === "realised" && outcome.monthlySaving.toFixed()).toBe("730");
  });

  it("waits while the resource has not left the inventory", () => {
    const outcome = judgeRealisation({
      projectedMonthlySaving: new Decimal("200"),
      mergedOn: MERGED,
      changeSeenOn: null,
      costs: [...before, ...days(addDays(MERGED, 1), 7, "10")],
    });
    expect(outcome.kind).toBe("waiting");
  });

  it("counts neither the merge day nor the days before the change was seen", () => {
    const seen = addDays(MERGED, 3);
    const outcome = judgeRealisation({
      projectedMonthlySaving: new Decimal("10000"),
      mergedOn: MERGED,
      // the days between merge and change still cost the old amount; they must not dilute the drop
      changeSeenOn: seen,
      costs: [...before, ...days(MERGED, 4, "100"), ...days(addDays(seen, 1), 3, "40")],
    });
    expect(outcome.kind === "realised" && outcome.observedDailyDrop.toFixed()).toBe("60");
  });

  it("waits for three settled days before the merge", () => {
    const outcome = judgeRealisation({
      projectedMonthlySaving: new Decimal("200"),
      mergedOn: MERGED,
      changeSeenOn: MERGED,
      costs: [...days(addDays(MERGED, -2), 2, "100"), ...days(addDays(MERGED, 1), 5, "10")],
    });
    expect(outcome).toEqual({ kind: "waiting", reason: "fewer than 3 settled cost days before the merge" });
  });
});
