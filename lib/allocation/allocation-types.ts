// The inputs and output of one day's allocation. Amounts are exact Decimals; identifiers are the stored
// strings ("" = untagged, as in cost_daily).
import type { Decimal } from "../db/decimal";
import type { AllocationOwner, OwnershipRuleKind } from "../db/generated/enums";

/** One Cost Explorer fact (a cost_daily row). */
export interface CostFact {
  accountId: string;
  service: string;
  teamTag: string;
  costCentreTag: string;
  /** a usage group split out of the service's line (cost_daily.usage_group), "" for the rest of it */
  usageGroup: string;
  amount: Decimal;
}

/** One OpenCost fact (a namespace_cost_daily row); namespace "__idle__" is the cluster's idle. */
export interface NamespaceFact {
  cluster: string;
  namespace: string;
  teamLabel: string;
  amount: Decimal;
}

/** Where a cluster's nodes are billed: their account and the tags their EC2 instances carry. */
export interface ClusterBilling {
  accountId: string;
  teamTag: string;
  costCentreTag: string;
}

export interface SquadRef {
  slug: string;
  costCentre: string | null;
}

export interface RuleRef {
  kind: OwnershipRuleKind;
  matchValue: string;
  squad: string;
  priority: number;
}

/** The rule that decided an allocated dollar, as stored in allocated_cost_daily.rule. */
export type AllocationRule =
  "team-tag" | "cost-centre-tag" | "namespace" | "account" | "shared" | "shared-split" | "idle" | "none";

export interface AllocatedRow {
  ownerType: AllocationOwner;
  /** squad slug for SQUAD rows, "" otherwise */
  squad: string;
  accountId: string;
  service: string;
  cluster: string;
  namespace: string;
  rule: AllocationRule;
  amount: Decimal;
}

export const EC2_COMPUTE_SERVICE = "Amazon Elastic Compute Cloud - Compute";
export const IDLE_NAMESPACE = "__idle__";
