// Cost Explorer's forecasts as stored by the forecast ingest (cost_forecasts): the one made at or before a
// month's start for that month (what the month was expected to cost), and the newest one for a month.
import type { PrismaClient } from "../db/generated/client";
import { fromIsoDay, toIsoDay, type IsoDay } from "../format/dates";
import type { MonthBounds } from "./review-month";

/** The review compares with the bill as Cost Explorer states it: unblended cost. */
export const FORECAST_METRIC = "UNBLENDED_COST";

export interface StoredForecast {
  asOf: IsoDay;
  periodStart: IsoDay;
  periodEnd: IsoDay;
  mean: string;
  lower: string | null;
  upper: string | null;
  predictionIntervalLevel: number | null;
}

const select = {
  asOf: true,
  periodStart: true,
  periodEnd: true,
  meanAmount: true,
  lowerBound: true,
  upperBound: true,
  predictionIntervalLevel: true,
} as const;

type Row = {
  asOf: Date;
  periodStart: Date;
  periodEnd: Date;
  meanAmount: { toFixed(): string };
  lowerBound: { toFixed(): string } | null;
  upperBound: { toFixed(): string } | null;
  predictionIntervalLevel: number | null;
};

function toForecast(row: Row | null): StoredForecast | null {
  if (!row) return null;
  return {
    asOf: toIsoDay(row.asOf),
    periodStart: toIsoDay(row.periodStart),
    periodEnd: toIsoDay(row.periodEnd),
    mean: row.meanAmount.toFixed(),
    lower: row.lowerBound?.toFixed() ?? null,
    upper: row.upperBound?.toFixed() ?? null,
    predictionIntervalLevel: row.predictionIntervalLevel,
  };
}

/** The newest forecast of exactly this month made on or before `madeBy`. */
export async function findMonthForecast(
  prisma: PrismaClient,
  month: MonthBounds,
  madeBy: IsoDay,
): Promise<StoredForecast | null> {
  const row = await prisma.costForecast.findFirst({
    where: {
      metric: FORECAST_METRIC,
      periodStart: fromIsoDay(month.from),
      periodEnd: fromIsoDay(month.to),
      asOf: { lte: fromIsoDay(madeBy) },
    },
    select,
    orderBy: { asOf: "desc" },
  });
  return toForecast(row);
}
