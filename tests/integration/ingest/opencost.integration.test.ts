// The OpenCost ingest against the sandbox's OpenCost API into a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Decimal } from "@/lib/db/decimal";
import { createOpenCostClient } from "@/lib/ingest/opencost/opencost-client";
import { ingestOpenCost } from "@/lib/ingest/opencost/ingest-opencost";
import type { JobDefinition } from "@/lib/jobs/job-definition";
import { runJob } from "@/lib/jobs/run-job";
import { finalCostLinesForDay } from "../../../sim/org/costs";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

const TODAY = "2026-11-20";
let sandbox: TestSandbox;
let database: TestDatabase;

beforeAll(async () => {
  sandbox = await startTestSandbox({ today: TODAY, months: 13 });
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
  await sandbox.close();
});

function openCostJob(clusters: string[] = []): JobDefinition {
  return {
    name: "opencost",
    description: "test",
    schedule: "0 * * * *",
    async run(context) {
      const client = createOpenCostClient({
        baseUrl: sandbox.env.OPENCOST_URL!,
        onRequest: () => context.countRequests(1),
        sleep: async () => {},
      });
      await ingestOpenCost(context, { client, clusters, today: TODAY });
    },
  };
}

async function clusterTotals(day: string) {
  const rows = await database.prisma.namespaceCostDaily.findMany({
    where: { day: new Date(`${day}T00:00:00Z`) },
    select: { cluster: true, namespace: true, totalCost: true },
  });
  const totals = new Map<string, Decimal>();
  for (const row of rows) totals.set(row.cluster, (totals.get(row.cluster) ?? new Decimal(0)).plus(row.totalCost));
  return totals;
}

/** What the sandbox bills for a cluster's nodes on a day: the figure OpenCost splits. */
function nodeCost(day: string): Map<string, Decimal> {
  const org = sandbox.ctx.org;
  const totals = new Map<string, Decimal>();
  const lines = finalCostLinesForDay(org, day);
  for (const cluster of org.clusters) {
    const nodes = new Set(cluster.nodeInstanceIds);
    const micros = lines
      .filter((line) => line.resourceId && nodes.has(line.resourceId))
      .reduce((sum, line) => sum + line.unblendedMicros, 0);
    totals.set(cluster.name, new Decimal(micros).dividedBy(1_000_000));
  }
  return totals;
}

describe("OpenCost ingest", () => {
  it("stores every namespace and each cluster's idle, adding up to the clusters' node cost to the cent", async () => {
    const result = await runJob(database.prisma, openCostJob(), {
      trigger: "cli",
      holder: "test",
      window: { from: "2026-10-01", to: "2026-11-01" },
    });
    expect(result).toMatchObject({ status: "SUCCEEDED", apiRequests: 31 });
    for (const day of ["2026-10-01", "2026-10-15", "2026-10-31"]) {
      const stored = await clusterTotals(day);
      const expected = nodeCost(day);
      expect(stored.size).toBe(sandbox.ctx.org.clusters.length);
      for (const [cluster, total] of expected)
        expect(stored.get(cluster)?.toFixed(2), `${cluster} on ${day}`).toBe(total.toFixed(2));
    }
    const idle = await database.prisma.namespaceCostDaily.count({
      where: { namespace: "__idle__", day: new Date("2026-10-01T00:00:00Z") },
    });
    expect(idle).toBe(sandbox.ctx.org.clusters.length);
    const labelled = await database.prisma.namespaceCostDaily.findFirst({
      where: { teamLabel: { not: "" } },
      select: { cpuEfficiency: true },
    });
    expect(labelled?.cpuEfficiency).toBeGreaterThan(0);
  });

  it("fetches closed days once and re-fetches only the newest stored day and today", async () => {
    await sandbox.resetStats();
    const catchUp = await runJob(database.prisma, openCostJob(), { trigger: "schedule", holder: "test" });
    // From the newest stored day (31 Oct) through today (20 Nov): 21 days, one request each.
    expect(catchUp).toMatchObject({ status: "SUCCEEDED", apiRequests: 21 });
    const before = await database.prisma.namespaceCostDaily.count();
    const again = await runJob(database.prisma, openCostJob(), { trigger: "schedule", holder: "test" });
    expect(again).toMatchObject({ status: "SUCCEEDED" });
    expect(again.status === "SUCCEEDED" && again.apiRequests).toBeLessThanOrEqual(2);
    expect(await database.prisma.namespaceCostDaily.count()).toBe(before);
    expect((await sandbox.stats()).apis.opencost!.total).toBe(
      21 + (again.status === "SUCCEEDED" ? again.apiRequests : 0),
    );
  });

  it("keeps only the configured clusters", async () => {
    const fresh = await createTestDatabase();
    try {
      const cluster = sandbox.ctx.org.clusters[0]!.name;
      await runJob(fresh.prisma, openCostJob([cluster]), {
        trigger: "cli",
        holder: "test",
        window: { from: "2026-10-01", to: "2026-10-02" },
      });
      const clusters = await fresh.prisma.namespaceCostDaily.findMany({
        distinct: ["cluster"],
        select: { cluster: true },
      });
      expect(clusters).toEqual([{ cluster }]);
    } finally {
      await fresh.drop();
    }
  });

  it("retries a busy OpenCost, and fails naming the endpoint when it stays down, keeping the old rows", async () => {
    const window = { from: "2026-10-01", to: "2026-10-03" };
    const before = await database.prisma.namespaceCostDaily.findMany({
      where: { day: { lt: new Date("2026-10-03T00:00:00Z") } },
      orderBy: [{ day: "asc" }, { cluster: "asc" }, { namespace: "asc" }],
      select: { day: true, cluster: true, namespace: true, totalCost: true },
    });
    await sandbox.injectFault({ api: "opencost", operation: "*", kind: "server-error", count: 2 });
    expect((await runJob(database.prisma, openCostJob(), { trigger: "cli", holder: "test", window })).status).toBe(
      "SUCCEEDED",
    );
    await sandbox.injectFault({ api: "opencost", operation: "*", kind: "server-error", count: 100 });
    const failed = await runJob(database.prisma, openCostJob(), { trigger: "cli", holder: "test", window });
    await sandbox.clearFaults();
    expect(failed.status === "FAILED" && failed.error).toMatch(/^OpenCost \/allocation\/compute failed: HTTP 500/);
    const after = await database.prisma.namespaceCostDaily.findMany({
      where: { day: { lt: new Date("2026-10-03T00:00:00Z") } },
      orderBy: [{ day: "asc" }, { cluster: "asc" }, { namespace: "asc" }],
      select: { day: true, cluster: true, namespace: true, totalCost: true },
    });
    expect(after).toEqual(before);
  });

  it("reports a malformed answer by endpoint", async () => {
    await sandbox.injectFault({ api: "opencost", operation: "*", kind: "malformed", count: 1 });
    const failed = await runJob(database.prisma, openCostJob(), {
      trigger: "cli",
      holder: "test",
      window: { from: "2026-10-01", to: "2026-10-02" },
    });
    await sandbox.clearFaults();
    expect(failed.status === "FAILED" && failed.error).toMatch(/^OpenCost \/allocation\/compute (returned|failed)/);
  });
});
