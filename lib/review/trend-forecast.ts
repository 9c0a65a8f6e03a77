// Our own projection of a whole month, used for next month's slide when Cost Explorer's forecast was not
// stored: a straight line fitted (least squares, exact decimals) to the 28 days ending with the last day
// of data, summed over the target month's days; actual days already in the target month count as they are.
import { Decimal } from "../db/decimal";
import { addDays, type IsoDay } from "../format/dates";
import { fitDailyTrend } from "../queries/forecast";
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
  const trend = fitDailyTrend(daily, lastDay);
  let amount = new Decimal(0);
  let ahead = 0;
  for (let day = addDays(lastDay, 1); day < target.to; day = addDays(day, 1)) {
    ahead += 1;
    if (day < target.from) continue;
    amount = amount.plus(trend.projected(ahead));
  }
  for (let day = target.from; day <= lastDay && day < target.to; day = addDays(day, 1)) {
    amount = amount.plus(amounts.get(day) ?? 0);
  }
  return { amount: amount.toDecimalPlaces(2).toFixed(), trendDays: trend.trendDays, lastDay };
}
