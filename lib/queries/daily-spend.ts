// Daily Cost Explorer totals over a window, the bill as AWS states it (before allocation splits it).
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

/**
 * A day allocation has run over comes from bill_daily, the total it allocated (a few rows, and it always
 * equals the owners' sum the dashboards show beside it); a day ingested since then is summed from cost_daily
 * (an index scan of just those days).
 */
export async function getDailySpend(prisma: PrismaClient, window: SpendWindow): Promise<DailySpend[]> {
  const from = fromIsoDay(window.from);
  const to = fromIsoDay(window.to);
  const rows = await prisma.$queryRaw<Array<{ day: Date; amount: { toString(): string } }>>`
    SELECT day, amount FROM bill_daily WHERE day >= ${from}::date AND day < ${to}::date
    UNION ALL
    SELECT day, SUM(unblended_cost) AS amount
    FROM cost_daily
    WHERE day = ANY(ARRAY(
      SELECT series.day::date
      FROM generate_series(${from}::date, ${to}::date - 1, interval '1 day') AS series(day)
      WHERE NOT EXISTS (SELECT 1 FROM bill_daily WHERE bill_daily.day = series.day::date)
    ))
    GROUP BY day
    ORDER BY day`;
  return rows.map((row) => ({ day: toIsoDay(row.day), amount: row.amount.toString() }));
}

/** The last `days` days of cost data, ending with the newest day ingested; null when there is none. */
export async function getLatestSpendWindow(prisma: PrismaClient, days: number): Promise<SpendWindow | null> {
  // ORDER BY day DESC LIMIT 1 reads one entry of the day index; Prisma's aggregate scans the whole table.
  const newest = await prisma.costDaily.findFirst({ select: { day: true }, orderBy: { day: "desc" } });
  if (!newest) return null;
  const to = addDays(toIsoDay(newest.day), 1);
  return { from: addDays(to, -days), to };
}
