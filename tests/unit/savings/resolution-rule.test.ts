import { describe, expect, it } from "vitest";
import { isResolved, type ResolutionFacts } from "@/lib/savings/resolution-rule";

const live = { goneOn: null, sizeType: "m5.2xlarge" };

function facts(overrides: Partial<ResolutionFacts>): ResolutionFacts {
  return { type: "ZOMBIE_INSTANCE", evidenceFacts: [], resource: live, endpointServicesNow: [], ...overrides };
}

describe("isResolved", () => {
  it("resolves a deletion when the resource left the inventory, not before", () => {
    expect(isResolved(facts({}))).toBe(false);
    expect(isResolved(facts({ resource: { goneOn: "2026-11-12", sizeType: "m5.2xlarge" } }))).toBe(true);
    expect(isResolved(facts({ resource: null }))).toBe(false);
  });

  it("resolves rightsizing when the type differs from the one the evidence names", () => {
    const evidenceFacts = [{ label: "Instance type", value: "m5.2xlarge (8 vCPUs)" }];
    expect(isResolved(facts({ type: "RIGHTSIZING", evidenceFacts }))).toBe(false);
    expect(
      isResolved(facts({ type: "RIGHTSIZING", evidenceFacts, resource: { goneOn: null, sizeType: "m5.large" } })),
    ).toBe(true);
  });

  it("resolves NAT waste when the VPC gained an endpoint it lacked", () => {
    const evidenceFacts = [{ label: "Endpoints in the VPC", value: "dynamodb" }];
    expect(isResolved(facts({ type: "NAT_WASTE", evidenceFacts, endpointServicesNow: ["dynamodb"] }))).toBe(false);
    expect(isResolved(facts({ type: "NAT_WASTE", evidenceFacts, endpointServicesNow: ["dynamodb", "s3"] }))).toBe(true);
    const none = [{ label: "Endpoints in the VPC", value: "none" }];
    expect(isResolved(facts({ type: "NAT_WASTE", evidenceFacts: none, endpointServicesNow: ["s3"] }))).toBe(true);
  });
});
