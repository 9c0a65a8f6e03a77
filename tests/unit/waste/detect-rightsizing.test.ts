import { describe, expect, it } from "vitest";
import { detectRightsizing } from "@/lib/waste/detect-rightsizing";
import { evidenceSchema } from "@/lib/waste/evidence";
import { daily, DAYS, facts, instance, price, STANDARD_PRICES } from "./facts";

const cpu = (p95: number) => daily("AWS/EC2/CPUUtilization", () => ({ average: p95 / 2, maximum: p95 * 1.3, p95 }));
const memory = (p95: number) => daily("CWAgent/mem_used_percent", () => ({ average: p95 * 0.8, maximum: p95, p95 }));

describe("detectRightsizing", () => {
  it("recommends the smallest size whose projected p95 stays under 60%", () => {
    const big = instance({ sizeType: "m5.4xlarge" });
    // 12% x 16/4 = 48% on m5.xlarge; 12% x 8 = 96% on m5.large
    const [finding] = detectRightsizing(facts([big], { [big.id]: cpu(12) })).findings;
    expect(finding!.decisionInputs.target).toBe("m5.xlarge");
    expect(finding!.monthlySaving.toFixed()).toBe("420.48"); // (0.768 - 0.192) x 730
    expect(evidenceSchema.parse(finding!.evidence).fix).toBe("Change instance_type to m5.xlarge");
    expect(evidenceSchema.parse(finding!.evidence).fixTarget).toEqual({
      kind: "resize",
      attribute: "instance_type",
      from: "m5.4xlarge",
      to: "m5.xlarge",
    });
  });

  it("scales reported memory the same way and keeps it under the target too", () => {
    const big = instance({ sizeType: "m5.4xlarge" });
    // memory 25%: x4 = 100% on xlarge, x2 = 50% on 2xlarge
    const [finding] = detectRightsizing(facts([big], { [big.id]: [...cpu(12), ...memory(25)] })).findings;
    expect(finding!.decisionInputs.target).toBe("m5.2xlarge");
  });

  it("recommends the Graviton equivalent for an arm-ready workload", () => {
    const arm = instance({ sizeType: "m5.4xlarge", tags: { "arm-ready": "true" } });
    const [finding] = detectRightsizing(facts([arm], { [arm.id]: cpu(12) })).findings;
    expect(finding!.decisionInputs.target).toBe("m6g.xlarge");
    expect(finding!.monthlySaving.toFixed()).toBe("448.22"); // (0.768 - 0.154) x 730
    expect(finding!.evidence.fixTarget).toMatchObject({
      kind: "resize",
      to: "m6g.xlarge",
      architectureChange: { to: "arm64" },
    });
  });

  it("falls back to the x86 size and reports the missing Graviton price", () => {
    const arm = instance({ sizeType: "m5.4xlarge", tags: { "arm-ready": "true" } });
    const prices = STANDARD_PRICES.filter((p) => p.key !== "m6g.xlarge");
    const result = detectRightsizing(facts([arm], { [arm.id]: cpu(12) }, { prices }));
    expect(result.findings[0]!.decisionInputs.target).toBe("m5.xlarge");
    expect(result.findings[0]!.evidence.fixTarget).not.toHaveProperty("architectureChange");
    expect(result.missingPrices).toMatchObject([{ kind: "EC2_INSTANCE_HOUR", key: "m6g.xlarge" }]);
  });

  it("makes no finding without a price for the smaller type", () => {
    const big = instance({ sizeType: "m5.4xlarge" });
    const prices = [price("EC2_INSTANCE_HOUR", "m5.4xlarge", "0.768")];
    const result = detectRightsizing(facts([big], { [big.id]: cpu(12) }, { prices }));
    expect(result.findings).toEqual([]);
    expect(result.missingPrices.map((m) => m.key)).toEqual(["m5.xlarge"]);
  });

  it("rightsizes an idle load-balancer member or egress proxy: only groups resize through a launch template", () => {
    const member = instance({ sizeType: "m5.xlarge" }, { targetGroupArns: ["arn:aws:elasticloadbalancing:tg/admin"] });
    const proxy = instance({ sizeType: "m5.xlarge" });
    const network = (bytes: number) => daily("AWS/EC2/NetworkOut", () => ({ sum: bytes }));
    const result = detectRightsizing(
      facts([member, proxy], { [member.id]: cpu(1.3), [proxy.id]: [...cpu(2.7), ...network(200 * 1024 ** 3)] }),
    );
    expect(result.findings.map((f) => [f.resourceId, f.decisionInputs.target, f.monthlySaving.toFixed()])).toEqual([
      [member.resourceId, "m5.large", "70.08"], // (0.192 - 0.096) x 730
      [proxy.resourceId, "m5.large", "70.08"],
    ]);
  });

  it("leaves alone busy CPU, busy memory, the smallest size and group members", () => {
    const busy = instance({ sizeType: "m5.4xlarge" });
    const heavyMemory = instance({ sizeType: "m5.4xlarge" });
    const smallest = instance({ sizeType: "m5.large" });
    const node = instance({ sizeType: "m5.4xlarge" }, { eksCluster: "prod", asgName: "eks-prod" });
    const result = detectRightsizing(
      facts([busy, heavyMemory, smallest, node], {
        [busy.id]: cpu(45),
        [heavyMemory.id]: [...cpu(10), ...memory(55)],
        [smallest.id]: cpu(3),
        [node.id]: cpu(5),
      }),
    );
    expect(result.findings).toEqual([]);
  });

  it("reports missing or partial metrics as insufficient data", () => {
    const a = instance({ sizeType: "m5.4xlarge" });
    const b = instance({ sizeType: "m5.4xlarge" });
    const result = detectRightsizing(
      facts([a, b], { [b.id]: [...cpu(10), ...memory(20).filter((r) => r.day !== DAYS[2])] }),
    );
    expect(result.findings).toEqual([]);
    expect(result.insufficientData.map((i) => i.resourceId)).toEqual([a.resourceId, b.resourceId]);
  });

  it("leaves alone an instance younger than the lookback", () => {
    const young = instance({ sizeType: "m5.4xlarge", launchedAt: new Date(`${DAYS[1]}T00:00:00Z`) });
    expect(detectRightsizing(facts([young], { [young.id]: cpu(10) })).findings).toEqual([]);
  });
});
