import { describe, expect, it } from "vitest";
import { detectZombieInstances } from "@/lib/waste/detect-zombie-instances";
import { evidenceSchema } from "@/lib/waste/evidence";
import { daily, DAYS, facts, instance, STANDARD_PRICES, volume } from "./facts";

const idle = (cpuMax = 2, netBytes = 1_000_000) => [
  ...daily("AWS/EC2/CPUUtilization", () => ({ average: 1, maximum: cpuMax, p95: 1.5 })),
  ...daily("AWS/EC2/NetworkIn", () => ({ sum: netBytes / 2 })),
  ...daily("AWS/EC2/NetworkOut", () => ({ sum: netBytes / 2 })),
];

describe("detectZombieInstances", () => {
  it("flags an idle standalone instance with its instance hours and volumes as the saving", () => {
    const root = volume({ resourceId: "vol-root" }, { sizeGiB: 100, volumeType: "gp2", attachedInstanceId: "i-1" });
    const zombie = instance({ resourceId: "i-1", sizeType: "m5.xlarge" }, { volumeIds: ["vol-root"] });
    const result = detectZombieInstances(facts([zombie, root], { [zombie.id]: idle() }));
    expect(result.insufficientData).toEqual([]);
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    // 0.192 x 730 = 140.16, + 100 GiB x 0.10 = 10
    expect(finding!.monthlySaving.toFixed()).toBe("150.16");
    expect(finding!.projectedMonthlyCost.toFixed()).toBe("0");
    const evidence = evidenceSchema.parse(finding!.evidence);
    expect(evidence.window).toEqual({ from: DAYS[0], to: DAYS[13] });
    expect(evidence.prices.map((p) => [p.kind, p.key, p.effectiveDate])).toEqual([
      ["EC2_INSTANCE_HOUR", "m5.xlarge", "2025-11-01"],
      ["EBS_GB_MONTH", "gp2", "2025-11-01"],
    ]);
    expect(evidence.metrics.map((m) => m.days.length)).toEqual([14, 14, 14]);
    expect(evidence.formula).toContain("730");
  });

  it("reports missing metrics as insufficient data, never a finding", () => {
    const zombie = instance();
    const metrics = idle().filter((row) => !(row.metric === "AWS/EC2/NetworkIn" && row.day === DAYS[5]));
    const result = detectZombieInstances(facts([zombie], { [zombie.id]: metrics }));
    expect(result.findings).toEqual([]);
    expect(result.insufficientData).toMatchObject([{ type: "ZOMBIE_INSTANCE", resourceId: zombie.resourceId }]);
    expect(detectZombieInstances(facts([zombie], {})).insufficientData).toHaveLength(1);
  });

  it("leaves alone an instance younger than the lookback", () => {
    const young = instance({ launchedAt: new Date(`${DAYS[3]}T10:00:00Z`) });
    const result = detectZombieInstances(facts([young], { [young.id]: idle() }));
    expect(result).toEqual({ findings: [], insufficientData: [], missingPrices: [] });
  });

  it("leaves alone low CPU with heavy network traffic (decoy)", () => {
    const proxy = instance();
    expect(detectZombieInstances(facts([proxy], { [proxy.id]: idle(2, 200 * 1024 ** 3) })).findings).toEqual([]);
  });

  it("leaves alone one busy day in the lookback", () => {
    const batch = instance();
    const metrics = idle().map((row) =>
      row.metric === "AWS/EC2/CPUUtilization" && row.day === DAYS[9] ? { ...row, maximum: 80 } : row,
    );
    expect(detectZombieInstances(facts([batch], { [batch.id]: metrics })).findings).toEqual([]);
  });

  it("leaves alone instances in a target group, an Auto Scaling group or an EKS node group", () => {
    const members = [
      instance({}, { targetGroupArns: ["arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/admin/1"] }),
      instance({}, { asgName: "web" }),
      instance({}, { eksCluster: "dev", eksNodegroup: "default" }),
    ];
    const metrics = Object.fromEntries(members.map((m) => [m.id, idle()]));
    expect(detectZombieInstances(facts(members, metrics)).findings).toEqual([]);
  });

  it("makes no finding and reports the price when the instance type has none", () => {
    const odd = instance({ sizeType: "x2iedn.xlarge" });
    const result = detectZombieInstances(facts([odd], { [odd.id]: idle() }));
    expect(result.findings).toEqual([]);
    expect(result.missingPrices).toEqual([
      {
        type: "ZOMBIE_INSTANCE",
        resourceId: odd.resourceId,
        kind: "EC2_INSTANCE_HOUR",
        region: "us-east-1",
        key: "x2iedn.xlarge",
      },
    ]);
  });

  it("uses the newest price in effect, not a future one", () => {
    const zombie = instance();
    const prices = [
      ...STANDARD_PRICES,
      { ...STANDARD_PRICES[1]!, usdPerUnit: STANDARD_PRICES[1]!.usdPerUnit.mul(2), effectiveDate: "2026-12-01" },
    ];
    const [finding] = detectZombieInstances(facts([zombie], { [zombie.id]: idle() }, { prices })).findings;
    expect(finding!.monthlySaving.toFixed()).toBe("140.16");
  });
});
