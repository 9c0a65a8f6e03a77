// The finding of a rule whose fix deletes the resource (zombie and stopped instances, orphan volumes, idle
// replicas): all it costs now is the saving, and nothing is left to pay, so the rule only says why and how.
import type { Decimal } from "../db/decimal";
import type { RecommendationType } from "../db/generated/enums";
import type { Finding, ResourceFact } from "./detection-facts";
import type { Evidence } from "./evidence";
import { ZERO } from "./instance-volumes";
import { moneyString } from "./monthly-cost";

/** The evidence a deletion rule writes itself; the amounts follow from the deletion, nothing is estimated. */
export type DeletionEvidence = Omit<
  Evidence,
  "currentMonthlyCost" | "projectedMonthlyCost" | "monthlySaving" | "estimated" | "fixTarget"
>;

export function deletionFinding(
  type: RecommendationType,
  resource: ResourceFact,
  monthlyCost: Decimal,
  rule: { decisionInputs: Finding["decisionInputs"]; evidence: DeletionEvidence },
): Finding {
  return {
    type,
    resourceRef: resource.id,
    resourceId: resource.resourceId,
    accountId: resource.accountId,
    region: resource.region,
    teamTag: resource.teamTag,
    currentMonthlyCost: monthlyCost,
    projectedMonthlyCost: ZERO,
    monthlySaving: monthlyCost,
    decisionInputs: rule.decisionInputs,
    evidence: {
      ...rule.evidence,
      currentMonthlyCost: moneyString(monthlyCost),
      projectedMonthlyCost: "0",
      monthlySaving: moneyString(monthlyCost),
      estimated: false,
    },
  };
}
