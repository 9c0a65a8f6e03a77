import { describe, expect, it } from "vitest";
import { forecastPeriods, forecastRow } from "@/lib/ingest/cost-explorer/cost-forecast";
import { costForecastResponse } from "@/lib/ingest/cost-explorer/cost-explorer-payloads";
import { PayloadError, parsePayload } from "@/lib/aws/parse-payload";

describe("forecastPeriods", () => {
  it("the rest of this month from today, and next month, ends exclusive", () => {
    expect(forecastPeriods("2026-11-20")).toEqual({
      restOfMonth: { start: "2026-11-20", end: "2026-12-01" },
      nextMonth: { start: "2026-12-01", end: "2027-01-01" },
    });
  });

  it("on the first day of a month the rest is the whole month; on the last day, that day", () => {
    expect(forecastPeriods("2026-12-01").restOfMonth).toEqual({ start: "2026-12-01", end: "2027-01-01" });
    expect(forecastPeriods("2027-01-31")).toEqual({
      restOfMonth: { start: "2027-01-31", end: "2027-02-01" },
      nextMonth: { start: "2027-02-01", end: "2027-03-01" },
    });
  });
});

describe("forecastRow", () => {
  const period = { start: "2026-11-20", end: "2026-12-01" };

  it("keeps Cost Explorer's total and interval exactly, as of the day asked", () => {
    const answer = costForecastResponse.parse({
      Total: { Amount: "102345.6789012345", Unit: "USD" },
      ForecastResultsByTime: [
        {
          TimePeriod: { Start: "2026-11-20", End: "2026-12-01" },
          MeanValue: "102345.6789012345",
          PredictionIntervalLowerBound: "92111.11",
          PredictionIntervalUpperBound: "112580.25",
        },
      ],
    });
    const row = forecastRow("2026-11-20", period, answer);
    expect(row).toMatchObject({
      asOf: "2026-11-20",
      periodStart: "2026-11-20",
      periodEnd: "2026-12-01",
      metric: "UNBLENDED_COST",
      predictionIntervalLevel: 80,
    });
    expect(row.meanAmount.toFixed()).toBe("102345.6789012345");
    expect(row.lowerBound!.toFixed()).toBe("92111.11");
    expect(row.upperBound!.toFixed()).toBe("112580.25");
  });

  it("sums the bounds of several buckets, and stores none when a bucket has none", () => {
    const bucket = (start: string, end: string, lower?: string) => ({
      TimePeriod: { Start: start, End: end },
      MeanValue: "10",
      ...(lower ? { PredictionIntervalLowerBound: lower, PredictionIntervalUpperBound: "11.5" } : {}),
    });
    const split = forecastRow(
      "2026-11-20",
      period,
      costForecastResponse.parse({
        Total: { Amount: "20" },
        ForecastResultsByTime: [bucket("2026-11-20", "2026-11-25", "9.1"), bucket("2026-11-25", "2026-12-01", "8.9")],
      }),
    );
    expect([split.lowerBound!.toFixed(), split.upperBound!.toFixed()]).toEqual(["18", "23"]);
    const open = forecastRow(
      "2026-11-20",
      period,
      costForecastResponse.parse({
        Total: { Amount: "10" },
        ForecastResultsByTime: [bucket("2026-11-20", "2026-12-01")],
      }),
    );
    expect([open.lowerBound, open.upperBound]).toEqual([null, null]);
  });

  it("refuses an answer without a total or with a non-decimal amount, naming the field", () => {
    expect(() =>
      parsePayload(costForecastResponse, { ForecastResultsByTime: [] }, "Cost Explorer", "GetCostForecast"),
    ).toThrow(PayloadError);
    expect(() =>
      parsePayload(
        costForecastResponse,
        {
          Total: { Amount: "lots" },
          ForecastResultsByTime: [{ TimePeriod: { Start: "2026-11-20", End: "2026-12-01" }, MeanValue: "1" }],
        },
        "Cost Explorer",
        "GetCostForecast",
      ),
    ).toThrow(/Total\.Amount/);
  });
});
