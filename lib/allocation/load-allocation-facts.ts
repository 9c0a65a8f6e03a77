// What allocation reads from the database, a window at a time: the Cost Explorer facts and the OpenCost
// namespace facts of every day in it (summed to the grain allocation needs), where each cluster's nodes
// are billed (from the inventory), and the squads and ownership rules. Plain SQL, typed at the edge.
import { Decimal } from "../db/decimal";
import type { PrismaClient } from "../db/generated/client";
import { fromIsoDay, toIsoDay, type IsoDay } from "../format/dates";
import type { JobWindow } from "../jobs/job-definition";
import type { ClusterBilling, CostFact, NamespaceFact, RuleRef, SquadRef } from "./allocation-types";

export interface DayFacts {
  costs: CostFact[];
  namespaces: NamespaceFact[];
}

function push<T>(map: Map<IsoDay, DayFacts>, day: IsoDay, key: keyof DayFacts, value: T) {
  let facts = map.get(day);
  if (!facts) {
    facts = { costs: [], namespaces: [] };
    map.set(day, facts);
  }
  (facts[key] as T[]).push(value);
}

export async function loadDayFacts(prisma: PrismaClient, window: JobWindow): Promise<Map<IsoDay, DayFacts>> {
  const from = fromIsoDay(window.from);
  const to = fromIsoDay(window.to);
  const [costs, namespaces] = await Promise.all([
    prisma.$queryRaw<
      Array<{
        day: Date;
        account_id: string;
        service: string;
        team_tag: string;
        cost_centre_tag: string;
        usage_group: string;
        amount: string;
      }>
    >`
      SELECT day, account_id, service, team_tag, cost_centre_tag, usage_group, SUM(unblended_cost)::text AS amount
      FROM cost_daily
      WHERE day >= ${from}::date AND day < ${to}::date
      GROUP BY day, account_id, service, team_tag, cost_centre_tag, usage_group
      ORDER BY day, account_id, service, team_tag, cost_centre_tag, usage_group`,
    prisma.$queryRaw<Array<{ day: Date; cluster: string; namespace: string; team_label: string; amount: string }>>`
      SELECT day, cluster, namespace, team_label, SUM(total_cost)::text AS amount
      FROM namespace_cost_daily
      WHERE day >= ${from}::date AND day < ${to}::date
      GROUP BY day, cluster, namespace, team_label
      ORDER BY day, cluster, namespace, team_label`,
  ]);
  const byDay = new Map<IsoDay, DayFacts>();
  for (const row of costs) {
    push<CostFact>(byDay, toIsoDay(row.day), "costs", {
      accountId: row.account_id,
      service: row.service,
      teamTag: row.team_tag,
      costCentreTag: row.cost_centre_tag,
      usageGroup: row.usage_group,
      amount: new Decimal(row.amount),
    });
  }
  for (const row of namespaces) {
    push<NamespaceFact>(byDay, toIsoDay(row.day), "namespaces", {
      cluster: row.cluster,
      namespace: row.namespace,
      teamLabel: row.team_label,
      amount: new Decimal(row.amount),
    });
  }
  return byDay;
}

/**
 * Where each cluster's nodes are billed: the account and tags most of its EC2 instances (live or gone)
 * carry, from the inventory's eks:cluster-name attribute.
 */
export async function loadClusterBilling(prisma: PrismaClient): Promise<Map<string, ClusterBilling>> {
  const rows = await prisma.$queryRaw<
    Array<{ cluster: string; account_id: string; team_tag: string; cost_centre: string; nodes: bigint }>
  >`
    SELECT attributes->>'eksCluster' AS cluster, account_id, team_tag,
           COALESCE(tags->>'cost-centre', '') AS cost_centre, COUNT(*) AS nodes
    FROM resources
    WHERE kind = 'EC2_INSTANCE' AND attributes->>'eksCluster' IS NOT NULL AND attributes->>'eksCluster' <> ''
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 5 DESC, 2, 3, 4`;
  const clusters = new Map<string, ClusterBilling>();
  for (const row of rows) {
    if (!clusters.has(row.cluster)) {
      clusters.set(row.cluster, { accountId: row.account_id, teamTag: row.team_tag, costCentreTag: row.cost_centre });
    }
  }
  return clusters;
}

export async function loadOwnership(prisma: PrismaClient): Promise<{ squads: SquadRef[]; rules: RuleRef[] }> {
  const [squads, rules] = await Promise.all([
    prisma.squad.findMany({ select: { slug: true, costCentre: true }, orderBy: { slug: "asc" } }),
    prisma.ownershipRule.findMany({
      select: { kind: true, matchValue: true, priority: true, squad: { select: { slug: true } } },
      orderBy: [{ priority: "asc" }, { kind: "asc" }, { matchValue: "asc" }],
    }),
  ]);
  return { squads, rules: rules.map(({ squad, ...rule }) => ({ ...rule, squad: squad.slug })) };
}
