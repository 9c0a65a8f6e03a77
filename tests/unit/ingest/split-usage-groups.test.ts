import { describe, expect, it } from "vitest";
import type { CostRow } from "@/lib/ingest/cost-explorer/fetch-cost-rows";
import { planUsageGroupRequests } from "@/lib/ingest/cost-explorer/plan-cost-requests";
import { splitUsageGroups } from "@/lib/ingest/cost-explorer/split-usage-groups";
import { USAGE_GROUPS } from "@/lib/ingest/cost-explorer/usage-groups";

function row(fields: Partial<CostRow>): CostRow {
  return {
    day: "2026-11-01",
    accountId: "111111111111",
    service: "EC2 - Other",
    teamTag: "checkout",
    costCentreTag: "",
    usageGroup: "",
    unblendedCost: "0",
    amortizedCost: "0",
    estimated: false,
    ...fields,
  };
}

const NAT = USAGE_GROUPS[0];

describe("splitUsageGroups", () => {
  it("takes a usage group's row out of the service row with the same key, exactly", () => {
    const service = row({ unblendedCost: "30.0000000001", amortizedCost: "29.5" });
    const nat = row({ usageGroup: "NAT Gateway", unblendedCost: "12.3400000001", amortizedCost: "12.34" });
    const { rows, unmatched } = splitUsageGroups([service], [nat]);
    expect(unmatched).toEqual([]);
    expect(rows).toEqual([row({ unblendedCost: "17.66", amortizedCost: "17.16" }), nat]);
  });

  it("matches by day, account, team and cost-centre: other rows stay as they were", () => {
    const tagged = row({ unblendedCost: "10", amortizedCost: "10" });
    const untagged = row({ teamTag: "", costCentreTag: "CC-1", unblendedCost: "5", amortizedCost: "5" });
    const otherDay = row({ day: "2026-11-02", unblendedCost: "7", amortizedCost: "7" });
    const nat = row({
      teamTag: "",
      costCentreTag: "CC-1",
      usageGroup: "NAT Gateway",
      unblendedCost: "2",
      amortizedCost: "2",
    });
    const { rows } = splitUsageGroups([tagged, untagged, otherDay], [nat]);
    expect(rows).toEqual([tagged, { ...untagged, unblendedCost: "3", amortizedCost: "3" }, otherDay, nat]);
  });

  it("drops a service row that was all usage group, but keeps a zero row Cost Explorer sent", () => {
    const all = row({ unblendedCost: "4.5", amortizedCost: "4.5" });
    const zero = row({ accountId: "222222222222", unblendedCost: "0", amortizedCost: "0" });
    const nat = row({ usageGroup: "NAT Gateway", unblendedCost: "4.5", amortizedCost: "4.5" });
    expect(splitUsageGroups([all, zero], [nat]).rows).toEqual([zero, nat]);
  });

  it("drops and reports a usage-group row with no service row, so the stored total stays the bill", () => {
    const service = row({ unblendedCost: "10", amortizedCost: "10" });
    const stray = row({ accountId: "999999999999", usageGroup: "NAT Gateway", unblendedCost: "1", amortizedCost: "1" });
    const { rows, unmatched } = splitUsageGroups([service], [stray]);
    expect(rows).toEqual([service]);
    expect(unmatched).toEqual([stray]);
  });

  it("never writes exponents: amounts stay plain decimal strings", () => {
    const service = row({ unblendedCost: "0.0000001", amortizedCost: "0.0000001" });
    const nat = row({ usageGroup: "NAT Gateway", unblendedCost: "0.00000005", amortizedCost: "0" });
    expect(splitUsageGroups([service], [nat]).rows[0]).toMatchObject({
      unblendedCost: "0.00000005",
      amortizedCost: "0.0000001",
    });
  });
});

describe("planUsageGroupRequests", () => {
  const window = { from: "2026-11-01", to: "2026-12-01" };

  it("asks nothing when the window has no usage type of the group", () => {
    expect(planUsageGroupRequests(NAT, [], window)).toEqual([]);
  });

  it("asks for exactly the listed usage types of the service, tagged by account and team, untagged by cost-centre", () => {
    const [tagged, untagged] = planUsageGroupRequests(NAT, ["USE1-NatGateway-Bytes", "USE1-NatGateway-Hours"], window);
    expect(tagged!.filter).toEqual({
      And: [
        { Dimensions: { Key: "SERVICE", Values: ["EC2 - Other"] } },
        { Dimensions: { Key: "USAGE_TYPE", Values: ["USE1-NatGateway-Bytes", "USE1-NatGateway-Hours"] } },
      ],
    });
    expect(tagged!.groupBy).toEqual([
      { Type: "DIMENSION", Key: "LINKED_ACCOUNT" },
      { Type: "TAG", Key: "team" },
    ]);
    expect(tagged!.keyRow(["111111111111", "team$checkout"])).toEqual({
      accountId: "111111111111",
      service: "EC2 - Other",
      teamTag: "checkout",
      costCentreTag: "",
    });
    // The untagged spend comes from the second request, by cost-centre.
    expect(tagged!.keyRow(["111111111111", "team$"])).toBeNull();
    expect(untagged!.filter.And).toContainEqual({ Tags: { Key: "team", MatchOptions: ["ABSENT"] } });
    expect(untagged!.keyRow(["111111111111", "cost-centre$CC-1"])).toEqual({
      accountId: "111111111111",
      service: "EC2 - Other",
      teamTag: "",
      costCentreTag: "CC-1",
    });
    expect(untagged!.usageGroup).toBe("NAT Gateway");
  });
});
