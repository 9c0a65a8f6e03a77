import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/format/dates";
import { forecastMonth, monthOf } from "@/lib/queries/forecast";
import { sameDaysLastMonth } from "@/lib/queries/overview";

function flat(first: string, count: number, amount: (index: number) => string) {
  return Array.from({ length: count }, (_, index) => ({ day: addDays(first, index), amount: amount(index) }));
}

describe("our month forecast", () => {
  it("knows a month's bounds", () => {
    expect(monthOf("2026-02-14")).toEqual({ month: "2026-02", from: "2026-02-01", to: "2026-03-01", days: 28 });
    expect(monthOf("2026-12-31")).toMatchObject({ to: "2027-01-01", days: 31 });
  });

  it("projects a flat spend as the same amount every remaining day", () => {
    const forecast = forecastMonth(
      flat("2026-10-15", 31, () => "100.005"),
      "2026-11-14",
    );
    expect(forecast).toMatchObject({
      source: "costlens-trend",
      month: "2026-11",
      daysElapsed: 14,
      daysInMonth: 30,
      trendDays: 28,
      actual: "1400.07",
      forecast: "3000.15",
    });
  });

  it("follows a linear trend", () => {
    // 1, 2, ..., 28 up to 2026-11-28; the two days left continue the line at 29 and 30.
    const days = flat("2026-11-01", 28, (index) => String(index + 1));
    const forecast = forecastMonth(days, "2026-11-28");
    expect(forecast.actual).toBe("406");
    expect(forecast.forecast).toBe("465");
  });

  it("never projects negative spend", () => {
    const days = flat("2026-11-01", 10, (index) => String(100 - index * 10));
    const forecast = forecastMonth(days, "2026-11-10");
    expect(forecast.forecast).toBe(forecast.actual);
  });

  it("compares month-to-date with the same days of last month, clamped to its end", () => {
    expect(sameDaysLastMonth("2026-11-01", "2026-11-15")).toEqual({ from: "2026-10-01", to: "2026-10-15" });
    expect(sameDaysLastMonth("2026-03-01", "2026-04-01")).toEqual({ from: "2026-02-01", to: "2026-03-01" });
  });
});
