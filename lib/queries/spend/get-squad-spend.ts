// One squad's allocated spend over a window, day by day, grouped by Kubernetes namespace or by AWS
// service, against the same-length window before: the squad page and GET /api/spend/squads/:slug.
// Spend outside Kubernetes has no namespace and is grouped as "(outside Kubernetes)". The window's rows need
// the allocated grain; the previous window is only a total, read from the owner_spend_daily rollup.
import type { PrismaClient } from "../../db/generated/client";
import { fromIsoDay, toIsoDay } from "../../format/dates";
import type { SquadSpend } from "./spend-schemas";
import { moneyText } from "./money-text";
import { daysOf, previousWindow, type ResolvedWindow, type SpendGroupBy } from "./spend-params";
import { Decimal } from "../../db/decimal";

export const OUTSIDE_KUBERNETES = "(outside Kubernetes)";

type Row = { day: Date; key: string; total: string };

function byNamespace(prisma: PrismaClient, slug: string, from: Date, to: Date) {
  return prisma.$queryRaw<Row[]>`
    SELECT day, CASE WHEN namespace = '' THEN ${OUTSIDE_KUBERNETES} ELSE namespace END AS key, SUM(amount)::text AS total
    FROM allocated_cost_daily
    WHERE owner_type = 'SQUAD' AND squad = ${slug} AND day >= ${from}::date AND day < ${to}::date
    GROUP BY 1, 2`;
}

function byService(prisma: PrismaClient, slug: string, from: Date, to: Date) {
  return prisma.$queryRaw<Row[]>`
    SELECT day, service AS key, SUM(amount)::text AS total
    FROM allocated_cost_daily
    WHERE owner_type = 'SQUAD' AND squad = ${slug} AND day >= ${from}::date AND day < ${to}::date
    GROUP BY 1, 2`;
}

export async function getSquadSpend(
  prisma: PrismaClient,
  slug: string,
  options: ResolvedWindow & { groupBy: SpendGroupBy },
): Promise<SquadSpend | null> {
  const window = { from: options.from, to: options.to };
  const previous = previousWindow(window);
  const from = fromIsoDay(window.from);
  const to = fromIsoDay(window.to);
  const [squad, rows, before] = await Promise.all([
    prisma.squad.findUnique({ where: { slug }, select: { slug: true, name: true, costCentre: true } }),
    (options.groupBy === "service" ? byService : byNamespace)(prisma, slug, from, to),
    prisma.$queryRaw<Array<{ total: string | null }>>`
      SELECT SUM(amount)::text AS total FROM owner_spend_daily
      WHERE owner_type = 'SQUAD' AND squad = ${slug}
        AND day >= ${fromIsoDay(previous.from)}::date AND day < ${fromIsoDay(previous.to)}::date`,
  ]);
  if (!squad) return null;
  const days = new Map(
    daysOf(window).map((day) => [day, { total: new Decimal(0), groups: {} as Record<string, string> }]),
  );
  const groups = new Map<string, Decimal>();
  let total = new Decimal(0);
  for (const row of rows) {
    const value = new Decimal(row.total);
    const day = days.get(toIsoDay(row.day));
    if (day) {
      day.total = day.total.plus(value);
      day.groups[row.key] = value.toFixed();
    }
    groups.set(row.key, (groups.get(row.key) ?? new Decimal(0)).plus(value));
    total = total.plus(value);
  }
  return {
    squad,
    from: window.from,
    to: window.to,
    groupBy: options.groupBy,
    total: total.toFixed(),
    previousTotal: moneyText(before[0]?.total),
    days: [...days.entries()].map(([day, value]) => ({ day, total: value.total.toFixed(), groups: value.groups })),
    groups: [...groups.entries()]
      .map(([key, value]) => ({ key, total: value }))
      .sort((a, b) => b.total.comparedTo(a.total) || a.key.localeCompare(b.key))
      .map(({ key, total: value }) => ({ key, total: value.toFixed() })),
  };
}
