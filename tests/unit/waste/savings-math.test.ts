import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/db/decimal";
import { evidenceHash, savingBucket } from "@/lib/waste/evidence-hash";
import { gravitonType, parseInstanceType, rightsizingCandidateTypes, smallerSizes } from "@/lib/waste/instance-sizes";
import { bytesToGb, moneyString, monthlyFromDailyGb, monthlyFromHourly, usd } from "@/lib/waste/monthly-cost";
import { recommendationTypeSchema } from "@/lib/waste/recommendation-types";
import { totalSavings } from "@/lib/waste/total-savings";

describe("savings arithmetic", () => {
  it("is exact: 730 hours a month, GB a day over 730/24 days", () => {
    expect(monthlyFromHourly(new Decimal("0.0416")).toFixed()).toBe("30.368");
    expect(monthlyFromDailyGb(new Decimal(1), new Decimal("0.045")).toFixed()).toBe("1.36875");
    expect(bytesToGb(1024 ** 3 * 3).toFixed()).toBe("3");
    expect(moneyString(new Decimal("1e-7"))).toBe("0");
    expect(usd(new Decimal("1234567.891"))).toBe("$1,234,567.89");
  });

  it("counts an instance that is a zombie and a rightsizing candidate once, at its larger saving", () => {
    const at = { accountId: "1", region: "us-east-1" };
    const total = totalSavings([
      { ...at, resourceId: "i-1", monthlySaving: new Decimal("560.64") }, // zombie
      { ...at, resourceId: "i-1", monthlySaving: "280.32" }, // rightsizing
      { ...at, resourceId: "vol-1", monthlySaving: "10.1" },
      { ...at, region: "us-west-2", resourceId: "i-1", monthlySaving: "1" }, // another region: another resource
    ]);
    expect(total.toFixed()).toBe("571.74");
  });
});

describe("evidence hash", () => {
  const finding = {
    type: "ZOMBIE_INSTANCE" as const,
    resourceId: "i-1",
    monthlySaving: new Decimal("100"),
    decisionInputs: { sizeType: "m5.xlarge", state: "running" },
  };

  it("ignores small saving changes and the order of inputs, not a change of rule inputs or a 5%+ move", () => {
    const same = evidenceHash(finding);
    expect(
      evidenceHash({
        ...finding,
        monthlySaving: new Decimal("100.9"),
        decisionInputs: { state: "running", sizeType: "m5.xlarge" },
      }),
    ).toBe(same);
    expect(evidenceHash({ ...finding, decisionInputs: { sizeType: "m5.2xlarge", state: "running" } })).not.toBe(same);
    expect(evidenceHash({ ...finding, monthlySaving: new Decimal("112") })).not.toBe(same);
    expect(savingBucket(new Decimal(0))).toBe(0);
  });
});

describe("instance sizes", () => {
  it("reads vCPUs from the size and lists smaller sizes and Graviton equivalents", () => {
    expect(parseInstanceType("m5.4xlarge")).toEqual({ family: "m5", size: "4xlarge", vcpus: 16 });
    expect(parseInstanceType("r5.large")?.vcpus).toBe(2);
    expect(parseInstanceType("m5.metal")).toBeUndefined();
    expect(smallerSizes("m5.4xlarge")).toEqual(["m5.large", "m5.xlarge", "m5.2xlarge"]);
    expect(gravitonType("c5.2xlarge")).toBe("c6g.2xlarge");
    expect(rightsizingCandidateTypes(["r5.2xlarge"])).toEqual([
      "r5.large",
      "r5.xlarge",
      "r6g.2xlarge",
      "r6g.large",
      "r6g.xlarge",
    ]);
  });

  it("accepts recommendation types in kebab or enum form", () => {
    expect(recommendationTypeSchema.parse("zombie-instance")).toBe("ZOMBIE_INSTANCE");
    expect(recommendationTypeSchema.parse("NON_PROD_ALWAYS_ON")).toBe("NON_PROD_ALWAYS_ON");
    expect(recommendationTypeSchema.safeParse("nope").success).toBe(false);
  });
});
