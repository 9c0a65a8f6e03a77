// Allocated spend per day per squad, plus the "shared", "idle" and "unallocated" series: the overview's
// stacked daily chart. Every series has a value (possibly "0") on every day of the window. Read from the
// owner_spend_daily rollup: one row per day per owner.
import { z } from "zod";
import { Decimal } from "../../db/decimal";
import type { PrismaClient } from "../../db/generated/client";
import { fromIsoDay, toIsoDay } from "../../format/dates";
import { daysOf, type ResolvedWindow } from "./spend-params";

export const OWNERLESS_SERIES = ["shared", "idle", "unallocated"] as const;

export const dailySpendBySquadSchema = z.object({
  /** squad slugs, biggest spender first, then "shared", "idle", "unallocated" */
  squads: z.array(z.string()),
  days: z.array(z.object({ day: z.string(), values: z.record(z.string(), z.string()) })),
});

export type DailySpendBySquad = z.infer<typeof dailySpendBySquadSchema>;

export async function getDailySpendBySquad(prisma: PrismaClient, window: ResolvedWindow): Promise<DailySpendBySquad> {
  const rows = await prisma.$queryRaw<Array<{ day: Date; series: string; total: string }>>`
    SELECT day,
           CASE owner_type WHEN 'SQUAD' THEN squad WHEN 'SHARED' THEN 'shared' WHEN 'IDLE' THEN 'idle' ELSE 'unallocated' END
             AS series,
           SUM(amount)::text AS total
    FROM owner_spend_daily
    WHERE day >= ${fromIsoDay(window.from)}::date AND day < ${fromIsoDay(window.to)}::date
    GROUP BY 1, 2`;
  const ownerless = new Set<string>(OWNERLESS_SERIES);
  const squadTotals = new Map<string, Decimal>();
  const byDay = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const day = toIsoDay(row.day);
    if (!byDay.has(day)) byDay.set(day, new Map());
    byDay.get(day)!.set(row.series, new Decimal(row.total).toFixed());
    if (!ownerless.has(row.series)) {
      squadTotals.set(row.series, (squadTotals.get(row.series) ?? new Decimal(0)).plus(row.total));
    }
  }
  const squads = [...squadTotals.entries()]
    .sort(([a, x], [b, y]) => y.comparedTo(x) || a.localeCompare(b))
    .map(([slug]) => slug);
  const series = [...squads, ...OWNERLESS_SERIES];
  return {
    squads: series,
    days: daysOf(window).map((day) => {
      const values = byDay.get(day);
      return { day, values: Object.fromEntries(series.map((name) => [name, values?.get(name) ?? "0"])) };
    }),
  };
}
