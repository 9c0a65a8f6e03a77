// The Overview page's first figures: the last 30 days of the bill.
import type { PrismaClient } from "../db/generated/client";
import { Decimal } from "../db/decimal";
import { getDailySpend, getLatestSpendWindow, type DailySpend, type SpendWindow } from "./daily-spend";

export interface Overview {
  window: SpendWindow;
  days: DailySpend[];
  total: string;
  dailyAverage: string;
  latest: DailySpend;
}

export async function getOverview(prisma: PrismaClient): Promise<Overview | null> {
  const window = await getLatestSpendWindow(prisma, 30);
  if (!window) return null;
  const days = await getDailySpend(prisma, window);
  const latest = days.at(-1);
  if (!latest) return null;
  const total = days.reduce((sum, day) => sum.plus(day.amount), new Decimal(0));
  return {
    window,
    days,
    total: total.toString(),
    dailyAverage: total.dividedBy(days.length).toDecimalPlaces(10).toString(),
    latest,
  };
}
