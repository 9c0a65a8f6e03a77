import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/format/dates";
import { costExplorerMonthForecast, forecastMonth, monthOf, type StoredCostForecast } from "@/lib/queries/forecast";
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

describe("Cost Explorer's month forecast", () => {
  const days = flat("2026-11-01", 14, () => "100.005"); // actuals through 2026-11-14
  const stored = (asOf: string, periodStart: string, periodEnd: string, mean: string): StoredCostForecast => ({
    asOf,
    periodStart,
    periodEnd,
    meanAmount: mean,
    lowerBound: (Number(mean) * 0.9).toFixed(2),
    upperBound: (Number(mean) * 1.1).toFixed(2),
    predictionIntervalLevel: 80,
  });

  it("is month-to-date actual plus the forecast of the rest, the interval shifted the same way", () => {
    const forecast = costExplorerMonthForecast(days, "2026-11-14", [
      stored("2026-11-15", "2026-11-15", "2026-12-01", "1600"),
      stored("2026-11-15", "2026-12-01", "2027-01-01", "3100"),
    ]);
    expect(forecast).toEqual({
      source: "cost-explorer",
      month: "2026-11",
      asOf: "2026-11-15",
      actual: "1400.07",
      actualTo: "2026-11-15",
      rest: "1600",
      forecast: "3000.07",
      lower: "2840.07",
      upper: "3160.07",
      intervalLevel: 80,
      nextMonth: { month: "2026-12", forecast: "3100", lower: "2790", upper: "3410" },
    });
  });

  it("an older forecast adds only the actuals before its start, so no day counts twice", () => {
    const forecast = costExplorerMonthForecast(days, "2026-11-14", [
      stored("2026-11-10", "2026-11-10", "2026-12-01", "2100"),
    ]);
    expect(forecast).toMatchObject({ asOf: "2026-11-10", actual: "900.045", forecast: "3000.05", nextMonth: null });
  });

  it("skips a forecast that starts after a gap in the actuals, and another month's", () => {
    expect(
      costExplorerMonthForecast(days, "2026-11-14", [
        stored("2026-11-17", "2026-11-17", "2026-12-01", "1400"),
        stored("2026-10-20", "2026-10-20", "2026-11-01", "1200"),
      ]),
    ).toBeNull();
  });

  it("on the first day of a month the rest is the whole month", () => {
    const forecast = costExplorerMonthForecast(
      flat("2026-10-01", 31, () => "10"),
      "2026-10-31",
      [stored("2026-11-01", "2026-11-01", "2026-12-01", "300")],
    );
    // the newest cost day is in October, so November's forecast does not serve it
    expect(forecast).toBeNull();
    const november = costExplorerMonthForecast(
      flat("2026-11-01", 1, () => "10"),
      "2026-11-01",
      [stored("2026-11-01", "2026-11-01", "2026-12-01", "300")],
    );
    expect(november).toMatchObject({ actual: "0", forecast: "300", actualTo: "2026-11-01" });
  });
});
