// The generated organisation at scale 1 is the case-study company before the engagement: these are the
// figures the case study quotes, printed so a reviewer can read them off the test output.
import { describe, expect, it } from "vitest";
import { generateOrganisation } from "../../sim/org/generate-organisation";
import { headlineFigures } from "../../sim/org/headline-figures";

const TODAY = "2026-11-25";

describe("organisation at scale 1", () => {
  const org = generateOrganisation({ seed: 42, scale: 1, months: 13, today: TODAY });
  const figures = headlineFigures(org);

  it("matches the case study's headline figures", () => {
    console.log("sandbox headline figures (seed 42, scale 1):", JSON.stringify(figures, null, 2));
    expect(figures.squads).toBe(12);
    expect(figures.environments).toBe(6);
    expect(figures.accounts).toBeGreaterThanOrEqual(4);
    expect(figures.clusters).toBe(4);
    expect(figures.productionNodes).toBe(87);
    expect(figures.instances).toBe(340);
    expect(figures.outsideAsgShare).toBeGreaterThan(0.42);
    expect(figures.outsideAsgShare).toBeLessThan(0.58);
    expect(figures.averageCpuPercent).toBeGreaterThan(10);
    expect(figures.averageCpuPercent).toBeLessThan(14);
    expect(figures.zombieInstances).toBe(85);
    expect(figures.orphanVolumes).toBe(40);
    expect(figures.idleReplicas).toBe(85);
    expect(figures.natMonthlyUsd).toBeGreaterThan(38_000);
    expect(figures.natMonthlyUsd).toBeLessThan(46_000);
    expect(figures.natToAwsServicesShare).toBeGreaterThan(0.6);
    expect(figures.runRateMonthlyUsd).toBeGreaterThan(260_000);
    expect(figures.runRateMonthlyUsd).toBeLessThan(300_000);
    expect(figures.lastMonthBillUsd).toBeGreaterThan(250_000);
    expect(figures.lastMonthBillUsd).toBeLessThan(310_000);
    expect(figures.workloads).toBe(890);
    expect(figures.untaggedSpendShare).toBeGreaterThan(0.02);
    expect(figures.untaggedSpendShare).toBeLessThan(0.4);
  });

  it("has production nodes that are on-demand m5.2xlarge, and dev and staging running 24x7", () => {
    const production = org.clusters.find((c) => c.name === "production");
    expect(production?.nodeInstanceType).toBe("m5.2xlarge");
    const nodeIds = new Set(org.clusters.flatMap((c) => c.nodeInstanceIds));
    const nodes = org.instances.filter((i) => nodeIds.has(i.id));
    expect(
      nodes.every((n) => n.instanceType === "m5.2xlarge" && n.state === "running" && !n.usage.businessHoursOnly),
    ).toBe(true);
    const alwaysOn = org.planted
      .filter((p) => p.type === "non-prod-always-on")
      .map((p) => p.resourceId)
      .sort();
    expect(alwaysOn).toEqual(["dev", "staging"]);
  });

  it("plants every waste type with a positive saving and keeps decoys apart from it", () => {
    const types = new Set(org.planted.map((p) => p.type));
    expect([...types].sort()).toEqual(
      [
        "idle-replica",
        "nat-waste",
        "non-prod-always-on",
        "orphan-volume",
        "rightsizing",
        "stopped-instance",
        "zombie-instance",
      ].sort(),
    );
    expect(org.planted.every((p) => Number.isInteger(p.monthlySavingMicros) && p.monthlySavingMicros > 0)).toBe(true);
    // a decoy is never planted as the waste it looks like (an idle proxy is no zombie, yet may be oversized)
    const plantedKeys = new Set(org.planted.map((p) => `${p.type}:${p.resourceId}`));
    expect(org.decoys.filter((d) => plantedKeys.has(`${d.looksLike}:${d.resourceId}`))).toEqual([]);
    const whys = org.decoys.map((d) => d.why).join("\n");
    for (const kind of [
      "network traffic",
      "target group",
      "stopped only",
      "warm pool",
      "detached today",
      "lookback",
      "steady connections",
    ]) {
      expect(whys).toContain(kind);
    }
  });

  it("leaves VPCs with NAT waste without endpoints, and has a few VPCs with endpoints", () => {
    const vpcsWithEndpoints = new Set(org.vpcEndpoints.map((e) => e.vpcId));
    expect(vpcsWithEndpoints.size).toBeGreaterThanOrEqual(2);
    const natById = new Map(org.natGateways.map((n) => [n.id, n]));
    for (const planted of org.planted.filter((p) => p.type === "nat-waste")) {
      const nat = natById.get(planted.resourceId);
      expect(nat && vpcsWithEndpoints.has(nat.vpcId)).toBe(false);
    }
  });

  it("has arm-ready rightsizing candidates, console-made resources and untagged resources", () => {
    expect(org.instances.some((i) => i.tags["arm-ready"] === "true")).toBe(true);
    expect(org.instances.some((i) => i.managedBy === "console")).toBe(true);
    expect(org.volumes.some((v) => v.managedBy === "console")).toBe(true);
    expect(org.instances.some((i) => !i.tags.team)).toBe(true);
  });
});
