// Consistency: over the whole period, what Cost Explorer serves through the official client equals the
// generator's priced inventory to the micro-dollar, and OpenCost's namespaces plus idle equal each
// cluster's node cost, day by day.
import type { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { costLinesForDay, finalCostLinesForDay } from "../../sim/org/costs";
import { addDays } from "../../sim/org/days";
import { formatMicros } from "../../sim/org/micros";
import type { Day, Organisation } from "../../sim/org/model";
import { startSandbox, type RunningSandbox } from "../../sim/server/start-sandbox";
import { allPages, amountMicros, costExplorerClient } from "./fixtures/cost-explorer";

const TODAY = "2026-11-25";
let sandbox: RunningSandbox;
let ce: CostExplorerClient;

beforeAll(async () => {
  sandbox = await startSandbox({ today: TODAY, seed: 42 });
  ce = costExplorerClient(sandbox);
});
afterAll(() => sandbox.close());

describe("Cost Explorer agrees with the priced inventory", () => {
  it("day by day and service by service, for the whole period", async () => {
    const { org } = sandbox.ctx;
    const pages = await allPages(ce, {
      TimePeriod: { Start: org.start, End: TODAY },
      Granularity: "DAILY",
      Metrics: ["UnblendedCost", "AmortizedCost", "NetUnblendedCost"],
      GroupBy: [
        { Type: "DIMENSION", Key: "SERVICE" },
        { Type: "DIMENSION", Key: "LINKED_ACCOUNT" },
      ],
    });
    expect(pages.length).toBeGreaterThan(1);
    const served = new Map<string, number>();
    let days = 0;
    for (const result of pages.flatMap((p) => p.ResultsByTime ?? [])) {
      days += 1;
      for (const group of result.Groups ?? []) {
        const key = `${result.TimePeriod?.Start}|${group.Keys?.join("|")}`;
        const amount = amountMicros(group.Metrics?.UnblendedCost?.Amount);
        expect(amountMicros(group.Metrics?.AmortizedCost?.Amount)).toBe(amount);
        expect(amountMicros(group.Metrics?.NetUnblendedCost?.Amount)).toBe(amount);
        served.set(key, (served.get(key) ?? 0) + amount);
      }
    }
    const expected = new Map<string, number>();
    let grandTotal = 0;
    for (let day = org.start; day < TODAY; day = addDays(day, 1)) {
      for (const line of costLinesForDay(org, day)) {
        const key = `${day}|${line.service}|${line.accountId}`;
        expected.set(key, (expected.get(key) ?? 0) + line.unblendedMicros);
        grandTotal += line.unblendedMicros;
      }
    }
    expect(days).toBe(new Set([...expected.keys()].map((k) => k.split("|")[0])).size);
    expect(served).toEqual(expected);
    console.log(
      `Cost Explorer total for ${org.start}..${TODAY}: $${formatMicros(grandTotal)} over ${pages.length} pages`,
    );
  });

  it("monthly totals equal the sum of the days", async () => {
    const { org } = sandbox.ctx;
    const [monthly] = await allPages(ce, {
      TimePeriod: { Start: org.start, End: TODAY },
      Granularity: "MONTHLY",
      Metrics: ["UnblendedCost"],
    });
    for (const result of monthly?.ResultsByTime ?? []) {
      let expected = 0;
      for (let day = result.TimePeriod?.Start ?? ""; day < (result.TimePeriod?.End ?? ""); day = addDays(day, 1)) {
        for (const line of costLinesForDay(org, day)) expected += line.unblendedMicros;
      }
      expect(amountMicros(result.Total?.UnblendedCost?.Amount)).toBe(expected);
    }
  });
});

interface Allocation {
  totalCost: number;
}

/** Each cluster's node cost on a day: its nodes' EC2 compute lines in the priced inventory (final values). */
function nodeCostByCluster(org: Organisation, day: Day): Map<string, number> {
  const clusterOf = new Map(org.clusters.flatMap((c) => c.nodeInstanceIds.map((id) => [id, c.name] as const)));
  const costs = new Map(org.clusters.map((c) => [c.name, 0]));
  for (const line of finalCostLinesForDay(org, day)) {
    const cluster = clusterOf.get(line.resourceId ?? "");
    if (cluster && line.service === "Amazon Elastic Compute Cloud - Compute")
      costs.set(cluster, (costs.get(cluster) ?? 0) + line.unblendedMicros);
  }
  return costs;
}

describe("OpenCost agrees with the clusters' node cost", () => {
  it("each cluster's namespaces plus its idle equal its EC2 node cost, every day of the period, to the cent", async () => {
    const { org } = sandbox.ctx;
    const window = `${org.start}T00:00:00Z,${TODAY}T00:00:00Z`;
    const url = `${sandbox.env.OPENCOST_URL}/allocation/compute?window=${window}&step=1d&aggregate=cluster,namespace&includeIdle=true&splitIdle=true`;
    const body = (await (await fetch(url)).json()) as { code: number; data: Array<Record<string, Allocation>> };
    expect(body.code).toBe(200);
    expect(body.data.length).toBe(
      org.start < TODAY ? Math.round((Date.parse(TODAY) - Date.parse(org.start)) / 86_400_000) : 0,
    );
    body.data.forEach((set, index) => {
      const day = addDays(org.start, index);
      const nodeCosts = nodeCostByCluster(org, day);
      for (const cluster of org.clusters) {
        const nodeCostMicros = nodeCosts.get(cluster.name) ?? 0;
        const entries = Object.entries(set).filter(([name]) => name.startsWith(`${cluster.name}/`));
        expect(entries.map(([name]) => name)).toContain(`${cluster.name}/__idle__`);
        const allocatedDollars = entries.reduce((sum, [, a]) => sum + a.totalCost, 0);
        expect(Math.round(allocatedDollars * 100)).toBe(Math.round(nodeCostMicros / 1e4));
      }
    });
  });

  it("shares idle into the namespaces when asked, leaving the cluster total unchanged", async () => {
    const { org } = sandbox.ctx;
    const day = addDays(TODAY, -3);
    const window = `${day}T00:00:00Z,${addDays(day, 1)}T00:00:00Z`;
    const get = async (query: string) =>
      (
        (await (await fetch(`${sandbox.env.OPENCOST_URL}/allocation?window=${window}&${query}`)).json()) as {
          data: Array<Record<string, Allocation>>;
        }
      ).data[0] ?? {};
    const shared = await get("aggregate=cluster&shareIdle=true");
    const unshared = await get("aggregate=cluster&idle=false");
    const idle = await get("aggregate=cluster&idle=true");
    expect(Object.keys(shared)).not.toContain("__idle__");
    expect(Object.keys(idle)).toContain("__idle__");
    const nodeCosts = nodeCostByCluster(org, day);
    for (const cluster of org.clusters) {
      const nodeCostMicros = nodeCosts.get(cluster.name) ?? 0;
      expect(Math.round((shared[cluster.name]?.totalCost ?? 0) * 100)).toBe(Math.round(nodeCostMicros / 1e4));
      expect((unshared[cluster.name]?.totalCost ?? 0) * 1e6).toBeLessThan(nodeCostMicros);
    }
  });
});
