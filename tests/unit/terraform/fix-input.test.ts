// Reading a recommendation row into the planner's input: the structured fix target when the evidence has
// one, the rightsizing sentence of older evidence, nothing from evidence that does not parse.
import { describe, expect, it } from "vitest";
import { fixInputFromRecommendation } from "@/lib/terraform/plan/fix-input";
import { evidenceSchema } from "@/lib/waste/evidence";

const row = (type: "RIGHTSIZING" | "NAT_WASTE", evidence: unknown) => ({
  id: "rec-1",
  type,
  resourceId: "i-0abc",
  accountId: "111122223333",
  region: "us-east-1",
  evidence,
});

const OLD_EVIDENCE = {
  summary: "m5.4xlarge peaks at 12% CPU",
  lookbackDays: 14,
  window: { from: "2026-01-01", to: "2026-01-14" },
  metrics: [],
  prices: [],
  formula: "x",
  currentMonthlyCost: "10",
  projectedMonthlyCost: "5",
  monthlySaving: "5",
  facts: [],
  fix: "Change instance_type to m5.xlarge",
  estimated: false,
};

describe("fixInputFromRecommendation", () => {
  it("keeps stored evidence from before fixTarget readable", () => {
    expect(evidenceSchema.parse(OLD_EVIDENCE).fixTarget).toBeUndefined();
  });

  it("takes the structured fix target from the evidence", () => {
    const fixTarget = { kind: "resize", attribute: "instance_type", from: "m5.4xlarge", to: "m6g.xlarge" };
    expect(fixInputFromRecommendation(row("RIGHTSIZING", { ...OLD_EVIDENCE, fixTarget })).fixTarget).toEqual(fixTarget);
  });

  it("reads the target size from the sentence of older rightsizing evidence", () => {
    expect(fixInputFromRecommendation(row("RIGHTSIZING", OLD_EVIDENCE)).fixTarget).toEqual({
      kind: "resize",
      attribute: "instance_type",
      from: "",
      to: "m5.xlarge",
    });
  });

  it("has no target for other older evidence, or for evidence that is not an object", () => {
    expect(fixInputFromRecommendation(row("NAT_WASTE", OLD_EVIDENCE)).fixTarget).toBeUndefined();
    expect(fixInputFromRecommendation(row("RIGHTSIZING", "not evidence"))).toEqual({
      id: "rec-1",
      type: "RIGHTSIZING",
      resourceId: "i-0abc",
      accountId: "111122223333",
      region: "us-east-1",
    });
  });
});
