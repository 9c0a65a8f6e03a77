import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/format/dates";
import { describeCoverage, monthCoverage } from "@/lib/review/month-coverage";
import { monthBounds } from "@/lib/review/review-month";

const october = monthBounds("2026-10");
const everyDay = (from: string, to: string) => {
  const days: string[] = [];
  for (let day = from; day < to; day = addDays(day, 1)) days.push(day);
  return days;
};

describe("partial-month detection", () => {
  it("calls a past month with every day complete", () => {
    const coverage = monthCoverage(october, everyDay("2026-09-20", "2026-11-05"), "2026-11-26");
    expect(coverage).toMatchObject({ status: "complete", daysWithData: 31, missingDays: [], inProgress: false });
    expect(describeCoverage(coverage)).toBeNull();
  });

  it("calls the current month partial, without counting days still to come as missing", () => {
    const coverage = monthCoverage(monthBounds("2026-11"), everyDay("2026-11-01", "2026-11-25"), "2026-11-26");
    expect(coverage).toMatchObject({ status: "partial", inProgress: true, daysWithData: 24, lastDay: "2026-11-24" });
    // today (the 26th) has not closed; the 25th is missing
    expect(coverage.missingDays).toEqual(["2026-11-25"]);
    expect(describeCoverage(coverage)).toBe(
      "Partial month: 24 of 30 days have cost data; the month is still in progress (data through 2026-11-24); no data for 2026-11-25.",
    );
  });

  it("finds an ingest gap inside a past month", () => {
    const days = everyDay("2026-10-01", "2026-11-01").filter((day) => day !== "2026-10-10" && day !== "2026-10-11");
    const coverage = monthCoverage(october, days, "2026-11-26");
    expect(coverage.status).toBe("partial");
    expect(coverage.missingDays).toEqual(["2026-10-10", "2026-10-11"]);
    expect(describeCoverage(coverage)).toBe(
      "Partial month: 29 of 31 days have cost data; no data for 2026-10-10, 2026-10-11.",
    );
  });

  it("calls a month with no data empty, not zero", () => {
    expect(monthCoverage(october, everyDay("2026-11-01", "2026-11-10"), "2026-11-26")).toMatchObject({
      status: "empty",
      daysWithData: 0,
      lastDay: null,
    });
    expect(monthCoverage(monthBounds("2027-03"), [], "2026-11-26").status).toBe("empty");
  });
});
