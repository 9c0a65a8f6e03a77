// The Kubernetes double-count trap. A cluster's nodes are EC2 instances, so their cost is already in the
// Cost Explorer EC2 line of the cluster's account (with the nodes' tags); OpenCost splits the same cost
// across namespaces plus idle. Carve the clusters' OpenCost total out of that EC2 line (never more than the
// line holds: on restated recent days Cost Explorer can show less than OpenCost) and hand back the
// namespace split in its place, scaled exactly when capped, so no dollar is counted twice or lost.
import { Decimal } from "../db/decimal";
import { EC2_COMPUTE_SERVICE, type ClusterBilling, type CostFact, type NamespaceFact } from "./allocation-types";
import { splitExact } from "./split-exact";

export interface CarvedNamespace {
  cluster: string;
  namespace: string;
  teamLabel: string;
  accountId: string;
  /** the part of the EC2 line this namespace (or the idle) takes */
  amount: Decimal;
}

export interface CarveResult {
  /** the cost facts with what was carved taken off (same order as given) */
  remaining: CostFact[];
  namespaces: CarvedNamespace[];
  /** clusters with OpenCost cost but no known account, or no EC2 line to carve from: left to Cost Explorer */
  uncarved: string[];
}

function billingKey(accountId: string, teamTag: string, costCentreTag: string): string {
  return `${accountId}\u0000${teamTag}\u0000${teamTag === "" ? costCentreTag : ""}`;
}

export function carveClusters(
  costs: readonly CostFact[],
  namespaces: readonly NamespaceFact[],
  clusters: ReadonlyMap<string, ClusterBilling>,
  isShared: (fact: CostFact) => boolean,
): CarveResult {
  const remaining = costs.map((fact) => ({ ...fact }));
  const sources = new Map<string, CostFact[]>();
  for (const fact of remaining) {
    if (fact.service !== EC2_COMPUTE_SERVICE || isShared(fact)) continue;
    const key = billingKey(fact.accountId, fact.teamTag, fact.costCentreTag);
    const list = sources.get(key);
    if (list) list.push(fact);
    else sources.set(key, [fact]);
  }
  const demand = new Map<string, NamespaceFact[]>();
  const uncarved = new Set<string>();
  for (const row of namespaces) {
    const billing = clusters.get(row.cluster);
    if (!billing) {
      uncarved.add(row.cluster);
      continue;
    }
    const key = billingKey(billing.accountId, billing.teamTag, billing.costCentreTag);
    const list = demand.get(key);
    if (list) list.push(row);
    else demand.set(key, [row]);
  }
  const carved: CarvedNamespace[] = [];
  for (const [key, rows] of demand) {
    const facts = sources.get(key) ?? [];
    const available = facts.reduce((sum, fact) => sum.plus(Decimal.max(fact.amount, 0)), new Decimal(0));
    const wanted = rows.reduce((sum, row) => sum.plus(Decimal.max(row.amount, 0)), new Decimal(0));
    if (available.isZero() || wanted.isZero()) {
      for (const row of rows) uncarved.add(row.cluster);
      continue;
    }
    const take = Decimal.min(available, wanted);
    const parts = take.equals(wanted)
      ? rows.map((row) => Decimal.max(row.amount, 0))
      : splitExact(
          take,
          rows.map((row) => row.amount),
        );
    rows.forEach((row, index) => {
      const billing = clusters.get(row.cluster)!;
      carved.push({ ...row, accountId: billing.accountId, amount: parts[index]! });
    });
    let left = take;
    for (const fact of facts) {
      if (left.isZero()) break;
      const cut = Decimal.min(Decimal.max(fact.amount, 0), left);
      fact.amount = fact.amount.minus(cut);
      left = left.minus(cut);
    }
  }
  return { remaining, namespaces: carved, uncarved: [...uncarved].sort() };
}
