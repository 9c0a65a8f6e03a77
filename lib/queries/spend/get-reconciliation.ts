// Day by day, the bill (Cost Explorer's total) against what allocation gave squads, shared, idle and
// unallocated; difference = bill - allocated - shared - idle - unallocated, exact (numeric in SQL), and
// zero on every day allocation has run over.
import type { PrismaClient } from "../../db/generated/client";
import { fromIsoDay, toIsoDay } from "../../format/dates";
import type { Reconciliation } from "./spend-schemas";
import { moneyText } from "./money-text";
import type { ResolvedWindow } from "./spend-params";

export async function getReconciliation(prisma: PrismaClient, window: ResolvedWindow): Promise<Reconciliation> {
  const from = fromIsoDay(window.from);
  const to = fromIsoDay(window.to);
  const rows = await prisma.$queryRaw<
    Array<{
      day: Date;
      bill: string;
      allocated: string;
      shared: string;
      idle: string;
      unallocated: string;
      difference: string;
    }>
  >`
    WITH bill AS (
      SELECT day, SUM(unblended_cost) AS bill FROM cost_daily
      WHERE day >= ${from}::date AND day < ${to}::date GROUP BY day
    ), allocation AS (
      SELECT day,
             COALESCE(SUM(amount) FILTER (WHERE owner_type = 'SQUAD'), 0) AS allocated,
             COALESCE(SUM(amount) FILTER (WHERE owner_type = 'SHARED'), 0) AS shared,
             COALESCE(SUM(amount) FILTER (WHERE owner_type = 'IDLE'), 0) AS idle,
             COALESCE(SUM(amount) FILTER (WHERE owner_type = 'UNALLOCATED'), 0) AS unallocated
      FROM allocated_cost_daily
      WHERE day >= ${from}::date AND day < ${to}::date GROUP BY day
    )
    SELECT day,
           COALESCE(bill, 0)::text AS bill,
           COALESCE(allocated, 0)::text AS allocated,
           COALESCE(shared, 0)::text AS shared,
           COALESCE(idle, 0)::text AS idle,
           COALESCE(unallocated, 0)::text AS unallocated,
           (COALESCE(bill, 0) - COALESCE(allocated, 0) - COALESCE(shared, 0) - COALESCE(idle, 0)
             - COALESCE(unallocated, 0))::text AS difference
    FROM bill FULL OUTER JOIN allocation USING (day)
    ORDER BY day`;
  return {
    days: rows.map((row) => ({
      day: toIsoDay(row.day),
      bill: moneyText(row.bill),
      allocated: moneyText(row.allocated),
      shared: moneyText(row.shared),
      idle: moneyText(row.idle),
      unallocated: moneyText(row.unallocated),
      difference: moneyText(row.difference),
    })),
  };
}
