// Small builders for allocation unit tests.
import { defaultAllocationSettings, type AllocationSettings } from "@/lib/allocation/allocation-settings";
import type { DayInput } from "@/lib/allocation/allocate-day";
import {
  EC2_COMPUTE_SERVICE,
  type AllocatedRow,
  type ClusterBilling,
  type CostFact,
  type NamespaceFact,
  type RuleRef,
  type SquadRef,
} from "@/lib/allocation/allocation-types";
import { Decimal } from "@/lib/db/decimal";

export const ACCOUNT = "111111111111";
export const OTHER_ACCOUNT = "222222222222";
export const EC2 = EC2_COMPUTE_SERVICE;

export function cost(amount: string, fields: Partial<Omit<CostFact, "amount">> = {}): CostFact {
  return {
    accountId: ACCOUNT,
    service: "Amazon S3",
    teamTag: "",
    costCentreTag: "",
    usageGroup: "",
    ...fields,
    amount: new Decimal(amount),
  };
}

export function ns(cluster: string, namespace: string, amount: string, teamLabel = ""): NamespaceFact {
  return { cluster, namespace, teamLabel, amount: new Decimal(amount) };
}

export const squads: SquadRef[] = [
  { slug: "checkout", costCentre: "CC-1010" },
  { slug: "search", costCentre: "CC-1030" },
  { slug: "platform", costCentre: "CC-1000" },
];

export function input(
  fields: Partial<Omit<DayInput, "settings">> & { settings?: Partial<AllocationSettings> } = {},
): DayInput {
  return {
    costs: [],
    namespaces: [],
    clusters: new Map<string, ClusterBilling>(),
    squads,
    rules: [] as RuleRef[],
    ...fields,
    settings: { ...defaultAllocationSettings, ...fields.settings },
  };
}

export function total(rows: readonly AllocatedRow[]): string {
  return rows.reduce((sum, row) => sum.plus(row.amount), new Decimal(0)).toFixed();
}

export function summary(rows: readonly AllocatedRow[]) {
  return rows.map((row) => ({
    owner: row.ownerType,
    squad: row.squad,
    rule: row.rule,
    service: row.service,
    cluster: row.cluster,
    namespace: row.namespace,
    amount: row.amount.toFixed(),
  }));
}
