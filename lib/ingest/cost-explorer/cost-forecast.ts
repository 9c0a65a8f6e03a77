// Cost Explorer's own forecast: for the rest of the current month (the whole month on its first day, since
// the day itself is not yet billed) and for next month, unblended cost, 80% prediction interval. Each period
// lies inside one month, so a MONTHLY request answers with one bucket; the bounds are summed over buckets
// all the same, so an answer split differently still adds up.
import { CostExplorerClient, GetCostForecastCommand } from "@aws-sdk/client-cost-explorer";
import { callAws } from "../../aws/call-aws";
import { parsePayload } from "../../aws/parse-payload";
import { Decimal } from "../../db/decimal";
import { firstOfMonth, type IsoDay } from "../../format/dates";
import { costForecastResponse, type CostForecastResponse } from "./cost-explorer-payloads";

export const FORECAST_METRIC = "UNBLENDED_COST";
export const FORECAST_INTERVAL_LEVEL = 80;

export interface ForecastPeriod {
  /** inclusive */
  start: IsoDay;
  /** exclusive, as in Cost Explorer */
  end: IsoDay;
}

export interface CostForecastRow {
  asOf: IsoDay;
  periodStart: IsoDay;
  periodEnd: IsoDay;
  metric: string;
  meanAmount: Decimal;
  lowerBound: Decimal | null;
  upperBound: Decimal | null;
  predictionIntervalLevel: number;
}

/** The rest of this month (from today on) and next month. */
export function forecastPeriods(today: IsoDay): { restOfMonth: ForecastPeriod; nextMonth: ForecastPeriod } {
  const nextMonthStart = firstOfMonth(today, 1);
  return {
    restOfMonth: { start: today, end: nextMonthStart },
    nextMonth: { start: nextMonthStart, end: firstOfMonth(today, 2) },
  };
}

function sumBounds(values: readonly (string | undefined)[]): Decimal | null {
  if (values.some((value) => value === undefined)) return null;
  return values.reduce((sum, value) => sum.add(new Decimal(value!)), new Decimal(0));
}

/** Maps a parsed answer to the row stored for (asOf, period, metric). */
export function forecastRow(asOf: IsoDay, period: ForecastPeriod, answer: CostForecastResponse): CostForecastRow {
  const buckets = answer.ForecastResultsByTime;
  return {
    asOf,
    periodStart: period.start,
    periodEnd: period.end,
    metric: FORECAST_METRIC,
    meanAmount: new Decimal(answer.Total.Amount),
    lowerBound: sumBounds(buckets.map((bucket) => bucket.PredictionIntervalLowerBound)),
    upperBound: sumBounds(buckets.map((bucket) => bucket.PredictionIntervalUpperBound)),
    predictionIntervalLevel: FORECAST_INTERVAL_LEVEL,
  };
}

export async function fetchCostForecast(
  client: CostExplorerClient,
  asOf: IsoDay,
  period: ForecastPeriod,
  signal?: AbortSignal,
): Promise<CostForecastRow> {
  const response = await callAws("Cost Explorer", "GetCostForecast", () =>
    client.send(
      new GetCostForecastCommand({
        TimePeriod: { Start: period.start, End: period.end },
        Metric: FORECAST_METRIC,
        Granularity: "MONTHLY",
        PredictionIntervalLevel: FORECAST_INTERVAL_LEVEL,
      }),
      { abortSignal: signal },
    ),
  );
  return forecastRow(asOf, period, parsePayload(costForecastResponse, response, "Cost Explorer", "GetCostForecast"));
}
