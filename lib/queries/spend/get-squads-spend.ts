// Every squad's allocated spend over a window against the same-length window before, with the bill and
// what nobody owns (shared, idle, unallocated) beside it: the Squads page and GET /api/spend/squads. Read
// from the daily rollups (owner_spend_daily, bill_daily) the allocation job writes, not the allocated rows.
import { Decimal } from "../../db/decimal";
import type { PrismaClient } from "../../db/generated/client";
import { fromIsoDay } from "../../format/dates";
import { getDailySpend } from "../daily-spend";
import type { SquadsSpend } from "./spend-schemas";
import { moneyText, relativeChange } from "./money-text";
import { previousWindow, type ResolvedWindow } from "./spend-params";

export async function getSquadsSpend(prisma: PrismaClient, window: ResolvedWindow): Promise<SquadsSpend> {
  const previous = previousWindow(window);
  const from = fromIsoDay(window.from);
  const to = fromIsoDay(window.to);
  const [bill, bySquad, byOwner, squads] = await Promise.all([
    getDailySpend(prisma, window),
    prisma.$queryRaw<Array<{ squad: string; total: string | null; previous: string | null }>>`
      SELECT squad,
             SUM(amount) FILTER (WHERE day >= ${from}::date)::text AS total,
             SUM(amount) FILTER (WHERE day < ${from}::date)::text AS previous
      FROM owner_spend_daily
      WHERE owner_type = 'SQUAD' AND day >= ${fromIsoDay(previous.from)}::date AND day < ${to}::date
      GROUP BY squad`,
    prisma.$queryRaw<Array<{ owner: string; total: string }>>`
      SELECT owner_type::text AS owner, SUM(amount)::text AS total
      FROM owner_spend_daily
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
    bill: bill.reduce((total, day) => total.plus(day.amount), new Decimal(0)).toFixed(),
    squads: rows,
    shared: owners.get("SHARED") ?? "0",
    idle: owners.get("IDLE") ?? "0",
    unallocated: owners.get("UNALLOCATED") ?? "0",
  };
}
