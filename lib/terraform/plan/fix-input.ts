// What the planner needs to know of a recommendation, read from its row: a small typed input, so that
// planFix itself never touches the database and a unit test builds inputs by hand.
import type { RecommendationType } from "../../db/generated/enums";
import { fixTargetSchema, type FixTarget } from "../../waste/evidence";
import { z } from "zod";

export interface FixInput {
  id: string;
  type: RecommendationType;
  /** AWS id: instance, volume, DB identifier, NAT gateway, EKS cluster or Auto Scaling group */
  resourceId: string;
  accountId: string;
  region: string;
  /** the structured fix from the evidence; undefined for evidence stored before it existed */
  fixTarget?: FixTarget;
}

const storedEvidence = z.object({ fix: z.string().optional(), fixTarget: fixTargetSchema.optional() }).passthrough();

/** Evidence written before fixTarget existed said "Change instance_type to m6g.large" in words only. */
const RESIZE_SENTENCE = /^Change (instance_type|instance_class) to ([\w.-]+)$/;

export function fixInputFromRecommendation(row: {
  id: string;
  type: RecommendationType;
  resourceId: string;
  accountId: string;
  region: string;
  evidence: unknown;
}): FixInput {
  const evidence = storedEvidence.safeParse(row.evidence);
  const input: FixInput = {
    id: row.id,
    type: row.type,
    resourceId: row.resourceId,
    accountId: row.accountId,
    region: row.region,
  };
  if (!evidence.success) return input;
  if (evidence.data.fixTarget) return { ...input, fixTarget: evidence.data.fixTarget };
  const sentence = RESIZE_SENTENCE.exec(evidence.data.fix ?? "");
  if (row.type === "RIGHTSIZING" && sentence)
    return {
      ...input,
      fixTarget: {
        kind: "resize",
        attribute: sentence[1] as "instance_type" | "instance_class",
        from: "",
        to: sentence[2]!,
      },
    };
  return input;
}
