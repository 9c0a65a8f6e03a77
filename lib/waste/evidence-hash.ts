// The hash that decides whether a dismissed recommendation comes back: it covers what the decision rests on
// (the rule's inputs and the saving rounded to 5% steps), never timestamps or the metric values of the day,
// so a rerun with the same facts gives the same hash.
import { createHash } from "node:crypto";
import type { Decimal } from "../db/decimal";
import type { Finding } from "./detection-facts";

/** The saving in 5% steps: savings within a few percent of each other share a bucket. */
export function savingBucket(saving: Decimal): number {
  const value = saving.toNumber();
  if (value <= 0) return 0;
  return Math.floor(Math.log(value) / Math.log(1.05));
}

export function evidenceHash(finding: Pick<Finding, "type" | "resourceId" | "monthlySaving" | "decisionInputs">) {
  const inputs = Object.keys(finding.decisionInputs)
    .sort()
    .map((key) => [key, finding.decisionInputs[key]]);
  const material = JSON.stringify({
    type: finding.type,
    resourceId: finding.resourceId,
    saving: savingBucket(finding.monthlySaving),
    inputs,
  });
  return createHash("sha256").update(material).digest("hex").slice(0, 32);
}
