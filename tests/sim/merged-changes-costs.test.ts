// What merged pull requests do to the bill: a resize (typeHistory), a scaling schedule on a node group and
// a new VPC endpoint change costs from their day on, and never the days before.
import { describe, expect, it } from "vitest";
import { finalCostLinesForDay } from "../../sim/org/costs";
import { addDays, dayOfWeek } from "../../sim/org/days";
import { generateOrganisation } from "../../sim/org/generate-organisation";
import type { Day, Organisation } from "../../sim/org/model";

const TODAY = "2026-11-25";
const fresh = () => generateOrganisation({ seed: 42, scale: 1, months: 13, today: TODAY });

function linesOf(org: Organisation, day: Day, resourceIds: string[]) {
  const ids = new Set(resourceIds);
  return finalCostLinesForDay(org, day).filter((l) => ids.has(l.resourceId ?? ""));
}

function nextWeekday(from: Day, weekday: number): Day {
  let day = from;
  while (dayOfWeek(day) !== weekday) day = addDays(day, 1);
  return day;
}

describe("costs after merged changes", () => {
  it("bills a resized instance at its new type from the merge day on", () => {
    const org = fresh();
    const planted = org.planted.find((p) => p.type === "rightsizing");
    const instance = org.instances.find((i) => i.id === planted?.resourceId);
    if (!instance) throw new Error("no rightsizing candidate");
    const mergeDay = addDays(TODAY, -10);
    const oldType = instance.instanceType;
    const before = linesOf(org, addDays(mergeDay, -1), [instance.id])[0];
    instance.typeHistory = [
      { fromDay: instance.launchDay, type: oldType },
      { fromDay: mergeDay, type: "m5.large" },
    ];
    instance.instanceType = "m5.large";
    expect(linesOf(org, addDays(mergeDay, -1), [instance.id])[0]).toEqual(before);
    expect(linesOf(org, mergeDay, [instance.id])[0]).toMatchObject({
      usageType: "BoxUsage:m5.large",
      instanceType: "m5.large",
      unblendedMicros: 96_000 * 24,
    });
  });

  it("stops billing node hours outside a merged off-hours schedule", () => {
    const org = fresh();
    const staging = org.clusters.find((c) => c.name === "staging");
    if (!staging) throw new Error("no staging cluster");
    const fromDay = addDays(TODAY, -20);
    staging.schedules = [
      { name: "staging-evening", recurrence: "0 19 * * MON-FRI", minSize: 0, maxSize: 0, desiredCapacity: 0, fromDay },
      {
        name: "staging-morning",
        recurrence: "0 8 * * MON-FRI",
        minSize: 0,
        maxSize: 44,
        desiredCapacity: staging.nodeInstanceIds.length,
        fromDay,
      },
    ];
    const nodeId = staging.nodeInstanceIds.find(
      (id) => (org.instances.find((i) => i.id === id)?.launchDay ?? TODAY) < addDays(fromDay, -7),
    );
    if (!nodeId) throw new Error("no old node");
    expect(linesOf(org, addDays(fromDay, -1), [nodeId])[0]?.usageQuantity).toBe(24);
    const wednesday = nextWeekday(addDays(fromDay, 1), 3);
    expect(linesOf(org, wednesday, [nodeId])[0]).toMatchObject({ usageQuantity: 11, unblendedMicros: 384_000 * 11 });
    expect(linesOf(org, nextWeekday(addDays(fromDay, 1), 6), [nodeId])).toEqual([]);
  });

  it("moves S3 traffic off the NAT gateways from the day a gateway endpoint appears", () => {
    const org = fresh();
    const waste = org.planted.find((p) => p.type === "nat-waste");
    const nat = org.natGateways.find((n) => n.id === waste?.resourceId);
    if (!nat) throw new Error("no wasteful NAT gateway");
    const createdDay = addDays(TODAY, -5);
    const bytesCost = (day: Day) =>
      linesOf(org, day, [nat.id]).find((l) => l.usageType.endsWith("NatGateway-Bytes"))?.unblendedMicros ?? 0;
    const before = bytesCost(createdDay);
    org.vpcEndpoints.push({
      id: "vpce-0test0000000000",
      vpcId: nat.vpcId,
      accountId: nat.accountId,
      region: nat.region,
      service: "s3",
      serviceName: `com.amazonaws.${nat.region}.s3`,
      type: "Gateway",
      routeTableIds: [],
      subnetIds: [],
      createdDay,
      managedBy: "terraform",
      tags: {},
    });
    expect(bytesCost(addDays(createdDay, -1))).toBe(before);
    const s3Share = nat.bytesPerDay.s3 / Object.values(nat.bytesPerDay).reduce((a, b) => a + b, 0);
    expect(bytesCost(createdDay) / before).toBeCloseTo(1 - s3Share, 5);
  });
});
