// Our own forecast for the month: month-to-date actuals plus a straight-line trend fitted (least squares)
// to the last 28 days, projected over the days left. Labelled as ours on every page: Cost Explorer's
// GetCostForecast is not ingested yet. Computed with exact decimals and rounded to the cent at the end.
import { Decimal } from "../db/decimal";
import { addDays, fromIsoDay, type IsoDay } from "../format/dates";
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
  const from = `${day.slice(0, 7)}-01`;
  const next = fromIsoDay(from);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const to = next.toISOString().slice(0, 10);
  return {
    month: day.slice(0, 7),
    from,
    to,
    days: Math.round((next.getTime() - fromIsoDay(from).getTime()) / 86_400_000),
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

  // Fit y = a + b·x over the trend window, x = 0 .. n-1 ending at latestDay.
  const firstDay = days.reduce<IsoDay | null>(
    (first, day) => (first === null || day.day < first ? day.day : first),
    null,
  );
  const windowStart = addDays(latestDay, -(TREND_DAYS - 1));
  const start = firstDay && firstDay > windowStart ? firstDay : windowStart;
  const ys: Decimal[] = [];
  for (let day = start; day <= latestDay; day = addDays(day, 1)) ys.push(at(day));
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

  let projected = new Decimal(0);
  for (let ahead = 1; ahead <= month.days - daysElapsed; ahead += 1) {
    const value = intercept.plus(slope.times(n - 1 + ahead));
    projected = projected.plus(Decimal.max(value, 0));
  }
  return {
    source: "costlens-trend",
    month: month.month,
    from: month.from,
    to: month.to,
    actual: actual.toString(),
    forecast: actual.plus(projected).toDecimalPlaces(2).toString(),
    daysElapsed,
    daysInMonth: month.days,
    trendDays: n,
  };
}
