// Our own projection of a whole month, used for next month's slide when Cost Explorer's forecast was not
// stored: a straight line fitted (least squares, exact decimals) to the 28 days ending with the last day
// of data, summed over the target month's days; actual days already in the target month count as they are.
import { Decimal } from "../db/decimal";
import { addDays, type IsoDay } from "../format/dates";
import { TREND_DAYS } from "../queries/forecast";
import type { MonthBounds } from "./review-month";

export interface TrendProjection {
  amount: string;
  trendDays: number;
  lastDay: IsoDay;
}

/** `daily`: day totals (missing days count as zero); `lastDay`: the newest day the fit may use. */
export function projectMonth(
  daily: ReadonlyArray<{ day: IsoDay; amount: string }>,
  lastDay: IsoDay,
  target: MonthBounds,
): TrendProjection {
  const amounts = new Map(daily.map((day) => [day.day, new Decimal(day.amount)]));
  const firstDay = daily.reduce<IsoDay | null>(
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
  let amount = new Decimal(0);
  let ahead = 0;
  for (let day = addDays(lastDay, 1); day < target.to; day = addDays(day, 1)) {
    ahead += 1;
    if (day < target.from) continue;
    amount = amount.plus(Decimal.max(intercept.plus(slope.times(n - 1 + ahead)), 0));
  }
  for (let day = target.from; day <= lastDay && day < target.to; day = addDays(day, 1)) {
    amount = amount.plus(amounts.get(day) ?? 0);
  }
  return { amount: amount.toDecimalPlaces(2).toFixed(), trendDays: n, lastDay };
}
