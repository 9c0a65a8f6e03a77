// One day of the bill, allocated: every Cost Explorer dollar exactly once, with its owner and the rule
// that decided it. Order for a cost line: shared service or usage group (policy), `team` tag (a squad's slug or a
// TEAM_TAG rule), cost-centre tag (a COST_CENTRE_TAG rule or a squad's cost centre), account (ACCOUNT
// rule), else unallocated. EKS node cost is replaced by OpenCost's namespace split (carve-clusters.ts);
// a namespace belongs to the squad its `team` label names, else a NAMESPACE rule's squad, else nobody;
// each cluster's idle is its own IDLE line. Shared costs stay SHARED or are split (split-shared.ts). A usage
// group's rows name it with their service ("EC2 - Other (NAT Gateway)"), whoever owns them.
// Invariant: the rows add up to the day's cost facts exactly.
import type { AllocationSettings } from "./allocation-settings";
import {
  EC2_COMPUTE_SERVICE,
  IDLE_NAMESPACE,
  type AllocatedRow,
  type ClusterBilling,
  type CostFact,
  type NamespaceFact,
  type RuleRef,
  type SquadRef,
} from "./allocation-types";
import { serviceWithUsageGroup } from "../ingest/cost-explorer/usage-groups";
import { carveClusters } from "./carve-clusters";
import { buildOwnershipIndex, type OwnershipIndex } from "./ownership-index";
import { splitShared } from "./split-shared";

export interface DayInput {
  costs: readonly CostFact[];
  namespaces: readonly NamespaceFact[];
  /** cluster name -> where its nodes are billed */
  clusters: ReadonlyMap<string, ClusterBilling>;
  squads: readonly SquadRef[];
  rules: readonly RuleRef[];
  settings: AllocationSettings;
  /** a prebuilt index of squads and rules (allocating many days): built from them when absent */
  index?: OwnershipIndex;
}

export interface DayAllocation {
  rows: AllocatedRow[];
  /** clusters whose OpenCost split could not be carved out of an EC2 line (left as Cost Explorer has it) */
  uncarved: string[];
}

function ownCostFact(fact: CostFact, index: OwnershipIndex): Omit<AllocatedRow, "amount" | "cluster" | "namespace"> {
  const base = { accountId: fact.accountId, service: serviceWithUsageGroup(fact.service, fact.usageGroup) };
  const team = index.byTeam(fact.teamTag);
  if (team) return { ...base, ownerType: "SQUAD", squad: team, rule: "team-tag" };
  const costCentre = index.byCostCentre(fact.costCentreTag);
  if (costCentre) return { ...base, ownerType: "SQUAD", squad: costCentre, rule: "cost-centre-tag" };
  const account = index.byAccount(fact.accountId);
  if (account) return { ...base, ownerType: "SQUAD", squad: account, rule: "account" };
  return { ...base, ownerType: "UNALLOCATED", squad: "", rule: "none" };
}

function rowKey(row: AllocatedRow): string {
  return [row.ownerType, row.squad, row.accountId, row.service, row.cluster, row.namespace, row.rule].join("\u0000");
}

/** Adds rows with the same natural key together and drops zero amounts; sorted for stable output. */
export function mergeRows(rows: readonly AllocatedRow[]): AllocatedRow[] {
  const merged = new Map<string, AllocatedRow>();
  for (const row of rows) {
    const key = rowKey(row);
    const existing = merged.get(key);
    if (existing) existing.amount = existing.amount.plus(row.amount);
    else merged.set(key, { ...row });
  }
  return [...merged.entries()]
    .filter(([, row]) => !row.amount.isZero())
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
}

export function allocateDay(input: DayInput): DayAllocation {
  const index = input.index ?? buildOwnershipIndex(input.squads, input.rules);
  const sharedServices = new Set(input.settings.sharedServices);
  const sharedUsageGroups = new Set<string>(input.settings.sharedUsageGroups);
  const sharedTeams = new Set(input.settings.sharedClusterTeams);
  const isShared = (fact: CostFact) => sharedServices.has(fact.service) || sharedUsageGroups.has(fact.usageGroup);
  const carve = carveClusters(input.costs, input.namespaces, input.clusters, isShared);

  const direct: AllocatedRow[] = [];
  const shared: AllocatedRow[] = [];
  for (const fact of carve.remaining) {
    if (fact.amount.isZero()) continue;
    const place = { cluster: "", namespace: "", amount: fact.amount };
    if (isShared(fact)) {
      shared.push({
        ...place,
        ownerType: "SHARED",
        squad: "",
        accountId: fact.accountId,
        service: serviceWithUsageGroup(fact.service, fact.usageGroup),
        rule: "shared",
      });
    } else {
      direct.push({ ...place, ...ownCostFact(fact, index) });
    }
  }
  const idle: AllocatedRow[] = [];
  const sharedIdle: AllocatedRow[] = [];
  for (const part of carve.namespaces) {
    const base = {
      accountId: part.accountId,
      service: EC2_COMPUTE_SERVICE,
      cluster: part.cluster,
      namespace: part.namespace,
      amount: part.amount,
    };
    if (part.namespace === IDLE_NAMESPACE) {
      const row: AllocatedRow = { ...base, ownerType: "IDLE", squad: "", rule: "idle" };
      const nodeTeam = input.clusters.get(part.cluster)?.teamTag ?? "";
      if (sharedTeams.has(nodeTeam)) sharedIdle.push(row);
      else idle.push(row);
      continue;
    }
    const squad = index.byTeam(part.teamLabel) ?? index.byNamespace(part.cluster, part.namespace);
    direct.push(
      squad
        ? { ...base, ownerType: "SQUAD", squad, rule: "namespace" }
        : { ...base, ownerType: "UNALLOCATED", squad: "", rule: "none" },
    );
  }
  const split = splitShared([...shared, ...sharedIdle], direct, [...index.squads], input.settings.split);
  return { rows: mergeRows([...direct, ...idle, ...split]), uncarved: carve.uncarved };
}
