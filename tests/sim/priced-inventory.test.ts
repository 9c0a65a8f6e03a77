// The priced inventory: costs are inventory x prices x hours, recent days restate and converge, planted
// savings follow from the price table.
import { describe, expect, it } from "vitest";
import { costLinesForDay, finalCostLinesForDay, restatedPerMille, RESTATEMENT_DAYS } from "../../sim/org/costs";
import { addDays } from "../../sim/org/days";
import { generateOrganisation } from "../../sim/org/generate-organisation";
import { formatMicros, microsFromDecimal } from "../../sim/org/micros";
import { HOURS_PER_MONTH } from "../../sim/org/prices";
import { instanceMonthlyMicros } from "../../sim/org/resource-prices";

const TODAY = "2026-11-25";
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("priced inventory", () => {
  const org = generateOrganisation({ seed: 42, scale: 1, months: 13, today: TODAY });

  it("renders and parses micro-dollars exactly", () => {
    expect(microsFromDecimal("0.384")).toBe(384_000);
    expect(microsFromDecimal("12")).toBe(12_000_000);
    expect(formatMicros(1_234_567_890)).toBe("1234.56789");
    expect(formatMicros(0)).toBe("0");
    expect(formatMicros(-1_500_000)).toBe("-1.5");
  });

  it("bills a running m5.2xlarge 24 hours a day at the list price", () => {
    const day = addDays(TODAY, -10);
    const node = org.instances.find((i) => i.clusterName === "production" && i.launchDay < day);
    const line = costLinesForDay(org, day).find((l) => l.resourceId === node?.id);
    expect(line).toMatchObject({
      service: "Amazon Elastic Compute Cloud - Compute",
      usageType: "BoxUsage:m5.2xlarge",
      unblendedMicros: 384_000 * 24,
      usageQuantity: 24,
    });
    expect(line?.tags.team).toBe("platform");
  });

  it("stops compute billing when an instance stops, but keeps billing its volumes", () => {
    const stopped = org.instances.find((i) => i.state === "stopped" && i.stateChangeDay < addDays(TODAY, -30));
    if (!stopped) throw new Error("no stopped instance");
    const lines = costLinesForDay(org, addDays(TODAY, -5));
    expect(lines.some((l) => l.resourceId === stopped.id)).toBe(false);
    expect(lines.filter((l) => stopped.volumeIds.includes(l.resourceId ?? "")).length).toBe(stopped.volumeIds.length);
    const before = costLinesForDay(org, addDays(stopped.stateChangeDay, -1));
    expect(before.some((l) => l.resourceId === stopped.id)).toBe(
      stopped.launchDay < addDays(stopped.stateChangeDay, -1),
    );
  });

  it("serves no data for today or before the start", () => {
    expect(costLinesForDay(org, TODAY)).toEqual([]);
    expect(costLinesForDay(org, addDays(org.start, -1))).toEqual([]);
  });

  it("restates the last days and converges to the final values as the clock advances", () => {
    const copy = generateOrganisation({ seed: 42, scale: 1, months: 13, today: TODAY });
    const yesterday = addDays(TODAY, -1);
    const final = sum(finalCostLinesForDay(copy, yesterday).map((l) => l.unblendedMicros));
    const served: number[] = [];
    for (let advance = 0; advance <= RESTATEMENT_DAYS; advance++) {
      served.push(sum(costLinesForDay(copy, yesterday).map((l) => l.unblendedMicros)));
      expect(costLinesForDay(copy, yesterday).every((l) => l.estimated === advance < RESTATEMENT_DAYS)).toBe(true);
      copy.today = addDays(copy.today, 1);
    }
    expect(restatedPerMille({ today: TODAY }, yesterday)).toBe(920);
    expect(served[0]).toBeLessThan(served[1] ?? 0);
    expect(served[1]).toBeLessThan(served[2] ?? 0);
    expect(served[3]).toBe(final);
    expect(Math.abs((served[0] ?? 0) / final - 0.92)).toBeLessThan(0.001);
  });

  it("prices each planted zombie at its instance and volumes over 730 hours", () => {
    const zombie = org.planted.find((p) => p.type === "zombie-instance");
    const instance = org.instances.find((i) => i.id === zombie?.resourceId);
    if (!zombie || !instance) throw new Error("no zombie");
    const volumes = org.volumes.filter((v) => instance.volumeIds.includes(v.id));
    const volumeMonthly = sum(
      volumes.map((v) => Math.round(v.sizeGiB * microsFromDecimal(v.volumeType === "gp2" ? "0.10" : "0.08"))),
    );
    expect(zombie.monthlySavingMicros).toBe(instanceMonthlyMicros(org, instance) + volumeMonthly);
    expect(instanceMonthlyMicros(org, { region: "us-east-1", instanceType: "m5.2xlarge" })).toBe(
      384_000 * HOURS_PER_MONTH,
    );
  });
});
