// Squads with what their `team` tag spent over a window (tag ownership only: full allocation comes from
// lib/allocation once it runs).
import type { PrismaClient } from "../db/generated/client";
import { fromIsoDay } from "../format/dates";
import type { SpendWindow } from "./daily-spend";

export interface SquadSummary {
  slug: string;
  name: string;
  costCentre: string | null;
  taggedSpend: string;
}

export async function listSquads(prisma: PrismaClient, window: SpendWindow | null): Promise<SquadSummary[]> {
  const squads = await prisma.squad.findMany({
    select: { slug: true, name: true, costCentre: true },
    orderBy: { name: "asc" },
  });
  const spend = window
    ? await prisma.$queryRaw<Array<{ team: string; amount: { toString(): string } }>>`
        SELECT team_tag AS team, SUM(unblended_cost) AS amount
        FROM cost_daily
        WHERE day >= ${fromIsoDay(window.from)}::date AND day < ${fromIsoDay(window.to)}::date AND team_tag <> ''
        GROUP BY team_tag`
    : [];
  const byTeam = new Map(spend.map((row) => [row.team, row.amount.toString()]));
  return squads.map((squad) => ({ ...squad, taggedSpend: byTeam.get(squad.slug) ?? "0" }));
}
