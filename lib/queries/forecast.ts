// The month's forecast two ways, each labelled where it is shown:
// - "CostLens trend": month-to-date actuals plus a straight-line trend fitted (least squares) to the last
//   28 days, projected over the days left;
// - "Cost Explorer forecast": month-to-date actuals plus Cost Explorer's own forecast (GetCostForecast,
//   stored by the cost-explorer job) for the rest of the month, with its prediction interval.
// Computed with exact decimals and rounded to the cent at the end.
import { Decimal } from "../db/decimal";
import { addDays, firstOfMonth, fromIsoDay, type IsoDay } from "../format/dates";
import type { DailySpend } from "./daily-spend";

export const TREND_DAYS = 28;

export interface MonthForecast {
  source: "costlens-trend";
  /** "2026-11" */
  month: string;
  /** first day of the month, and the first day after it */
  from: IsoDay;
  to: IsoDay;
  actual: string;
  /** actual + projected remaining days */
  forecast: string;
  daysElapsed: number;
  daysInMonth: number;
  /** days of history the trend was fitted to */
  trendDays: number;
}

export function monthOf(day: IsoDay): { month: string; from: IsoDay; to: IsoDay; days: number } {
  const from = firstOfMonth(day);
  const to = firstOfMonth(day, 1);
  return {
    month: day.slice(0, 7),
    from,
    to,
    days: Math.round((fromIsoDay(to).getTime() - fromIsoDay(from).getTime()) / 86_400_000),
  };
}

export interface DailyTrend {
  /** days of history the line was fitted to */
  trendDays: number;
  /** the line's value `ahead` days after the last fitted day, never below zero */
  projected(ahead: number): Decimal;
}

/**
 * A straight line y = a + b·x fitted (least squares, exact decimals) to the daily totals of the TREND_DAYS
 * days ending at `lastDay` (from the first day with data when history is shorter; missing days count as
 * zero), x = 0 .. n-1. Both the month forecast and the review's projection of next month use it.
 */
export function fitDailyTrend(days: ReadonlyArray<{ day: IsoDay; amount: string }>, lastDay: IsoDay): DailyTrend {
  const amounts = new Map(days.map((day) => [day.day, new Decimal(day.amount)]));
  const firstDay = days.reduce<IsoDay | null>(
    (first, day) => (first === null || day.day < first ? day.day : first),
    null,
  );
  const windowStart = addDays(lastDay, -(TREND_DAYS - 1));
  const start = firstDay && firstDay > windowStart ? firstDay : windowStart;
  const ys: Decimal[] = [];
  for (let day = start; day <= lastDay; day = addDays(day, 1)) ys.push(amounts.get(day) ?? new Decimal(0));
  const n = ys.length;
  const meanX = new Decimal(n - 1).dividedBy(2);
  const meanY = ys.reduce((sum, y) => sum.plus(y), new Decimal(0)).dividedBy(Math.max(n, 1));
  let sxy = new Decimal(0);
  let sxx = new Decimal(0);
  ys.forEach((y, x) => {
    const dx = new Decimal(x).minus(meanX);
    sxy = sxy.plus(dx.times(y.minus(meanY)));
    sxx = sxx.plus(dx.pow(2));
  });
  const slope = sxx.isZero() ? new Decimal(0) : sxy.dividedBy(sxx);
  const intercept = meanY.minus(slope.times(meanX));
  return {
    trendDays: n,
    projected: (ahead) => Decimal.max(intercept.plus(slope.times(n - 1 + ahead)), 0),
  };
}

/**
 * The forecast for the month holding `latestDay`, from daily totals (which must cover the month so far and,
 * for the trend, up to 28 days before `latestDay`; missing days count as zero).
 */
export function forecastMonth(days: readonly DailySpend[], latestDay: IsoDay): MonthForecast {
  const month = monthOf(latestDay);
  const amounts = new Map(days.map((day) => [day.day, new Decimal(day.amount)]));
  const at = (day: IsoDay) => amounts.get(day) ?? new Decimal(0);

  let actual = new Decimal(0);
  let daysElapsed = 0;
  for (let day = month.from; day <= latestDay; day = addDays(day, 1)) {
    actual = actual.plus(at(day));
    daysElapsed += 1;
  }

  const trend = fitDailyTrend(days, latestDay);
  let projected = new Decimal(0);
  for (let ahead = 1; ahead <= month.days - daysElapsed; ahead += 1) projected = projected.plus(trend.projected(ahead));
  return {
    source: "costlens-trend",
    month: month.month,
    from: month.from,
    to: month.to,
    actual: actual.toString(),
    forecast: actual.plus(projected).toDecimalPlaces(2).toString(),
    daysElapsed,
    daysInMonth: month.days,
    trendDays: trend.trendDays,
  };
}

/** A stored Cost Explorer forecast (cost_forecasts), amounts as decimal strings. */
export interface StoredCostForecast {
  asOf: IsoDay;
  periodStart: IsoDay;
  /** exclusive */
  periodEnd: IsoDay;
  meanAmount: string;
  lowerBound: string | null;
  upperBound: string | null;
  predictionIntervalLevel: number | null;
}

export interface CostExplorerMonthForecast {
  source: "cost-explorer";
  month: string;
  /** the day Cost Explorer was asked */
  asOf: IsoDay;
  /** actuals from the 1st up to the day the forecast starts */
  actual: string;
  actualTo: IsoDay;
  /** Cost Explorer's forecast for the rest of the month (from `actualTo`) */
  rest: string;
  /** actual + rest; the interval the same way, when Cost Explorer gave one */
  forecast: string;
  lower: string | null;
  upper: string | null;
  intervalLevel: number | null;
  /** Cost Explorer's forecast for the month after, asked the same day */
  nextMonth: { month: string; forecast: string; lower: string | null; upper: string | null } | null;
}

const cents = (amount: Decimal) => amount.toDecimalPlaces(2).toString();

/**
 * Cost Explorer's forecast for the month holding `latestDay`: the newest stored forecast of the rest of the
 * month that starts no later than the day after the newest cost day (so the actuals reach its start and no
 * day is missed), added to the actuals before its start. Null when none is stored.
 */
export function costExplorerMonthForecast(
  days: readonly DailySpend[],
  latestDay: IsoDay,
  stored: readonly StoredCostForecast[],
): CostExplorerMonthForecast | null {
  const month = monthOf(latestDay);
  const usable = stored
    .filter(
      (row) => row.periodEnd === month.to && row.periodStart >= month.from && row.periodStart <= addDays(latestDay, 1),
    )
    .sort((a, b) => (a.asOf !== b.asOf ? (a.asOf < b.asOf ? 1 : -1) : a.periodStart < b.periodStart ? 1 : -1));
  const chosen = usable[0];
  if (!chosen) return null;
  const actual = days
    .filter((day) => day.day >= month.from && day.day < chosen.periodStart)
    .reduce((sum, day) => sum.plus(day.amount), new Decimal(0));
  const plus = (amount: string | null) => (amount === null ? null : cents(actual.plus(amount)));
  const next = monthOf(month.to);
  const following = stored.find(
    (row) => row.asOf === chosen.asOf && row.periodStart === next.from && row.periodEnd === next.to,
  );
  return {
    source: "cost-explorer",
    month: month.month,
    asOf: chosen.asOf,
    actual: actual.toString(),
    actualTo: chosen.periodStart,
    rest: chosen.meanAmount,
    forecast: cents(actual.plus(chosen.meanAmount)),
    lower: plus(chosen.lowerBound),
    upper: plus(chosen.upperBound),
    intervalLevel: chosen.predictionIntervalLevel,
    nextMonth: following
      ? {
          month: next.month,
          forecast: cents(new Decimal(following.meanAmount)),
          lower: following.lowerBound === null ? null : cents(new Decimal(following.lowerBound)),
          upper: following.upperBound === null ? null : cents(new Decimal(following.upperBound)),
        }
      : null,
  };
}
