// The overview's top movers: the squads whose allocated spend changed most between the last 7 days and the 7
// before, read from the owner_spend_daily rollup (one row per squad per day) rather than the allocated rows.
import { Decimal } from "../../db/decimal";
import type { PrismaClient } from "../../db/generated/client";
import { addDays, fromIsoDay } from "../../format/dates";
import type { SpendWindow } from "../daily-spend";
import type { SquadMover } from "../overview";

export async function getTopMovers(prisma: PrismaClient, week: SpendWindow, limit = 5): Promise<SquadMover[]> {
  const rows = await prisma.$queryRaw<Array<{ slug: string; name: string | null; current: string; previous: string }>>`
    SELECT o.squad AS slug, s.name,
      COALESCE(SUM(o.amount) FILTER (WHERE o.day >= ${fromIsoDay(week.from)}::date), 0)::text AS current,
      COALESCE(SUM(o.amount) FILTER (WHERE o.day < ${fromIsoDay(week.from)}::date), 0)::text AS previous
    FROM owner_spend_daily o
    LEFT JOIN squads s ON s.slug = o.squad
    WHERE o.owner_type = 'SQUAD' AND o.day >= ${fromIsoDay(addDays(week.from, -7))}::date
      AND o.day < ${fromIsoDay(week.to)}::date
    GROUP BY o.squad, s.name`;
  return rows
    .map((row) => {
      const current = new Decimal(row.current);
      const previous = new Decimal(row.previous);
      return {
        slug: row.slug,
        name: row.name ?? row.slug,
        current: current.toString(),
        previous: previous.toString(),
        change: current.minus(previous).toString(),
      };
    })
    .sort((a, b) => new Decimal(b.change).abs().comparedTo(new Decimal(a.change).abs()) || a.slug.localeCompare(b.slug))
    .slice(0, limit);
}
