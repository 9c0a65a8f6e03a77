// Every squad's allocated spend over a window against the same-length window before, with the bill and
// what nobody owns (shared, idle, unallocated) beside it: the Squads page and GET /api/spend/squads.
import { Decimal } from "../../db/decimal";
import type { PrismaClient } from "../../db/generated/client";
import { fromIsoDay } from "../../format/dates";
import type { SquadsSpend } from "./spend-schemas";
import { moneyText, relativeChange } from "./money-text";
import { previousWindow, type ResolvedWindow } from "./spend-params";

export async function getSquadsSpend(prisma: PrismaClient, window: ResolvedWindow): Promise<SquadsSpend> {
  const previous = previousWindow(window);
  const from = fromIsoDay(window.from);
  const to = fromIsoDay(window.to);
  const [bill, bySquad, byOwner, squads] = await Promise.all([
    prisma.$queryRaw<Array<{ total: string | null }>>`
      SELECT SUM(unblended_cost)::text AS total FROM cost_daily WHERE day >= ${from}::date AND day < ${to}::date`,
    prisma.$queryRaw<Array<{ squad: string; total: string | null; previous: string | null }>>`
      SELECT squad,
             SUM(amount) FILTER (WHERE day >= ${from}::date)::text AS total,
             SUM(amount) FILTER (WHERE day < ${from}::date)::text AS previous
      FROM allocated_cost_daily
      WHERE owner_type = 'SQUAD' AND day >= ${fromIsoDay(previous.from)}::date AND day < ${to}::date
      GROUP BY squad`,
    prisma.$queryRaw<Array<{ owner: string; total: string }>>`
      SELECT owner_type::text AS owner, SUM(amount)::text AS total
      FROM allocated_cost_daily
      WHERE owner_type <> 'SQUAD' AND day >= ${from}::date AND day < ${to}::date
      GROUP BY owner_type`,
    prisma.squad.findMany({ select: { slug: true, name: true } }),
  ]);
  const spend = new Map(bySquad.map((row) => [row.squad, row]));
  const names = new Map(squads.map((squad) => [squad.slug, squad.name]));
  for (const slug of spend.keys()) if (!names.has(slug)) names.set(slug, slug);
  const owners = new Map(byOwner.map((row) => [row.owner, moneyText(row.total)]));
  const rows = [...names.entries()].map(([slug, name]) => {
    const total = moneyText(spend.get(slug)?.total);
    const previousTotal = moneyText(spend.get(slug)?.previous);
    return { slug, name, total, previousTotal, change: relativeChange(total, previousTotal) };
  });
  rows.sort((a, b) => new Decimal(b.total).comparedTo(a.total) || a.slug.localeCompare(b.slug));
  return {
    from: window.from,
    to: window.to,
    bill: moneyText(bill[0]?.total),
    squads: rows,
    shared: owners.get("SHARED") ?? "0",
    idle: owners.get("IDLE") ?? "0",
    unallocated: owners.get("UNALLOCATED") ?? "0",
  };
}
