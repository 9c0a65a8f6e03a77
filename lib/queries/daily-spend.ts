// Daily Cost Explorer totals over a window, the bill as AWS states it (before allocation).
import type { PrismaClient } from "../db/generated/client";
import { addDays, fromIsoDay, toIsoDay, type IsoDay } from "../format/dates";

export interface DailySpend {
  day: IsoDay;
  amount: string;
}

export interface SpendWindow {
  /** inclusive */
  from: IsoDay;
  /** exclusive, as in Cost Explorer */
  to: IsoDay;
}

export async function getDailySpend(prisma: PrismaClient, window: SpendWindow): Promise<DailySpend[]> {
  const rows = await prisma.$queryRaw<Array<{ day: Date; amount: { toString(): string } }>>`
    SELECT day, SUM(unblended_cost) AS amount
    FROM cost_daily
    WHERE day >= ${fromIsoDay(window.from)}::date AND day < ${fromIsoDay(window.to)}::date
    GROUP BY day
    ORDER BY day`;
  return rows.map((row) => ({ day: toIsoDay(row.day), amount: row.amount.toString() }));
}

/** The last `days` days of cost data, ending with the newest day ingested; null when there is none. */
export async function getLatestSpendWindow(prisma: PrismaClient, days: number): Promise<SpendWindow | null> {
  const latest = await prisma.costDaily.aggregate({ _max: { day: true } });
  const newest = latest._max.day;
  if (!newest) return null;
  const to = addDays(toIsoDay(newest), 1);
  return { from: addDays(to, -days), to };
}
