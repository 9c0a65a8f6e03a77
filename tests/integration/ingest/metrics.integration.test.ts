// The CloudWatch metrics ingest against the sandbox's CloudWatch, through the real SDK, into a real
// database (PGlite, and Postgres in the second run of this suite). The inventory is seeded here from the
// sandbox's organisation, so this test depends on no other ingest.
import { liveInventoryRows } from "../../helpers/sandbox-inventory";
import { CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCloudWatchClient } from "@/lib/aws/aws-clients";
import { addDays, fromIsoDay, toIsoDay } from "@/lib/format/dates";
import { ingestMetrics, type MetricsIngestDeps } from "@/lib/ingest/metrics/ingest-metrics";
import { METRIC_CATALOG } from "@/lib/ingest/metrics/metric-catalog";
import type { JobDefinition } from "@/lib/jobs/job-definition";
import { runJob, type RunJobOptions } from "@/lib/jobs/run-job";
import type { Organisation } from "@/sim/org/model";
import { startSandbox } from "@/sim/server/start-sandbox";
import { startTestSandbox, type SandboxStats, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

const TODAY = "2026-11-20";
let sandbox: TestSandbox;
let probe: CloudWatchClient;

beforeAll(async () => {
  sandbox = await startTestSandbox({ today: TODAY });
  probe = createCloudWatchClient({ region: "us-east-1" });
});
afterAll(async () => {
  probe.destroy();
  await sandbox.close();
});

function metricsJob(options: Partial<MetricsIngestDeps> = {}, endpoint?: string): JobDefinition {
  return {
    name: "metrics",
    description: "test",
    schedule: "0 * * * *",
    async run(context) {
      const counter = { count: 0 };
      const clients: CloudWatchClient[] = [];
      const cloudWatch = (region: string) => {
        const client = endpoint
          ? new CloudWatchClient({ region, endpoint, maxAttempts: 4 })
          : createCloudWatchClient({ region, counter, maxAttempts: 4 });
        clients.push(client);
        return client;
      };
      try {
        await ingestMetrics(context, { cloudWatch, today: TODAY, ...options });
      } finally {
        context.countRequests(counter.count);
        for (const client of clients) client.destroy();
      }
    },
  };
}

const run = (database: TestDatabase, job: JobDefinition, options: Partial<RunJobOptions> = {}) =>
  runJob(database.prisma, job, { trigger: "cli", holder: "test", ...options });

/** The live instances, DB instances and NAT gateways of the sandbox, as the inventory ingest would store them. */
async function seedInventory(database: TestDatabase, org: Organisation = sandbox.ctx.org) {
  const base = (resourceId: string, accountId: string, region: string) => ({ resourceId, accountId, region });
  await database.prisma.resource.createMany({
    data: [
      ...liveInventoryRows(org, ["EC2_INSTANCE", "RDS_INSTANCE", "NAT_GATEWAY"]),
      // Not metered: volumes are ignored; a gone instance is not fetched any more.
      ...org.volumes
        .slice(0, 3)
        .map((v) => ({ ...base(v.id, v.accountId, v.region), kind: "EBS_VOLUME" as const, state: v.state })),
      {
        ...base("i-0gone0000000000000", org.accounts[0]!.id, "us-east-1"),
        kind: "EC2_INSTANCE" as const,
        state: "terminated",
        goneOn: fromIsoDay("2026-10-01"),
      },
    ],
  });
}

/** Every stored row without its id: what "identical data" means. */
async function dump(database: TestDatabase) {
  const rows = await database.prisma.metricDaily.findMany({
    select: {
      resource: { select: { resourceId: true } },
      metric: true,
      day: true,
      average: true,
      maximum: true,
      p95: true,
      sum: true,
      samples: true,
    },
    orderBy: [{ resourceId: "asc" }, { metric: "asc" }, { day: "asc" }],
  });
  return rows.map(({ resource, day, ...row }) => ({ resourceId: resource.resourceId, day: toIsoDay(day), ...row }));
}

describe("CloudWatch metrics ingest", () => {
  let database: TestDatabase;
  let reference: Awaited<ReturnType<typeof dump>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedInventory(database);
  });
  afterAll(async () => {
    await sandbox.clearFaults();
    await database.drop();
  });

  it("backfills 30 days of every detector metric in requests of at most 500 queries", async () => {
    await sandbox.resetStats();
    const started = Date.now();
    const result = await run(database, metricsJob());
    expect(result.status === "FAILED" ? result.error : result.status).toBe("SUCCEEDED");
    const stats = (await sandbox.stats()).apis.cloudwatch!;
    expect(result).toMatchObject({ apiRequests: stats.total });
    const { org } = sandbox.ctx;
    const resources = org.instances.length + org.dbInstances.length + org.natGateways.length;
    // 6 queries an instance (+3 with memory), 7 a DB instance, 2 a NAT gateway (+1 per flow-log service).
    const memory = org.instances.filter((i) => i.usage.memoryP95 !== undefined).length;
    const queries = org.instances.length * 6 + memory * 3 + org.dbInstances.length * 7 + org.natGateways.length * 7;
    expect(queries).toBeGreaterThan(500 * 5);
    const getMetricData = stats.operations.GetMetricData!;
    // one partly filled request per region at most beyond the minimum
    expect(getMetricData).toBeGreaterThanOrEqual(Math.ceil(queries / 500));
    expect(getMetricData).toBeLessThanOrEqual(Math.ceil(queries / 500) + org.regions.length);
    console.log(
      `metrics backfill: ${resources} resources, ${queries} queries, ${result.status === "SUCCEEDED" && result.rowsWritten} rows, ` +
        `${stats.total} CloudWatch requests (${getMetricData} GetMetricData), ${Date.now() - started} ms`,
    );

    reference = await dump(database);
    expect(result).toMatchObject({ rowsWritten: reference.length });
    const days = new Set(reference.map((row) => row.day));
    expect([...days].sort()[0]).toBe(addDays(TODAY, -30));
    expect([...days].sort().at(-1)).toBe(addDays(TODAY, -1));
    const metrics = new Set(reference.map((row) => row.metric));
    expect([...metrics].sort()).toEqual([
      "AWS/EC2/CPUUtilization",
      "AWS/EC2/NetworkIn",
      "AWS/EC2/NetworkOut",
      "AWS/NATGateway/BytesInFromSource",
      "AWS/NATGateway/BytesOutToDestination",
      "AWS/RDS/CPUUtilization",
      "AWS/RDS/DatabaseConnections",
      "AWS/RDS/ReadIOPS",
      "CWAgent/mem_used_percent",
      "CostLens/NatFlowLogs/BytesToService:dynamodb",
      "CostLens/NatFlowLogs/BytesToService:ecr",
      "CostLens/NatFlowLogs/BytesToService:internet",
      "CostLens/NatFlowLogs/BytesToService:s3",
      "CostLens/NatFlowLogs/BytesToService:ssm",
    ]);
    // memory only where an agent reports it; nothing for the gone instance
    const withMemory = new Set(
      reference.filter((r) => r.metric === "CWAgent/mem_used_percent").map((r) => r.resourceId),
    );
    expect(withMemory).toEqual(new Set(org.instances.filter((i) => i.usage.memoryP95 !== undefined).map((i) => i.id)));
    expect(reference.some((row) => row.resourceId === "i-0gone0000000000000")).toBe(false);
  });

  it("stores the same daily CPU average, maximum and p95 that CloudWatch answers", async () => {
    const { org } = sandbox.ctx;
    const running = org.instances.filter((i) => i.region === "us-east-1" && i.state === "running").slice(0, 5);
    const answer = await probe.send(
      new GetMetricDataCommand({
        StartTime: fromIsoDay(addDays(TODAY, -30)),
        EndTime: fromIsoDay(TODAY),
        MetricDataQueries: running.flatMap((instance, index) =>
          ["Average", "Maximum", "p95"].map((stat) => ({
            Id: `q${index}_${stat}`,
            MetricStat: {
              Metric: {
                Namespace: "AWS/EC2",
                MetricName: "CPUUtilization",
                Dimensions: [{ Name: "InstanceId", Value: instance.id }],
              },
              Period: 86_400,
              Stat: stat,
            },
          })),
        ),
      }),
    );
    for (const [index, instance] of running.entries()) {
      const series = (stat: string) => {
        const result = answer.MetricDataResults!.find((r) => r.Id === `q${index}_${stat}`)!;
        return new Map(result.Timestamps!.map((t, i) => [toIsoDay(t), result.Values![i]!]));
      };
      const stored = reference.filter(
        (row) => row.resourceId === instance.id && row.metric === "AWS/EC2/CPUUtilization",
      );
      expect(stored.length).toBe(series("Average").size);
      expect(stored.length).toBeGreaterThan(0);
      for (const row of stored) {
        expect(row.average).toBe(series("Average").get(row.day));
        expect(row.maximum).toBe(series("Maximum").get(row.day));
        expect(row.p95).toBe(series("p95").get(row.day));
        expect(row.samples).toBeGreaterThan(0);
      }
    }
  });

  it("leaves identical rows when run twice, re-fetching only from the newest stored day", async () => {
    await sandbox.resetStats();
    const labels: string[] = [];
    const result = await run(database, metricsJob(), { progress: (_done, _total, label) => labels.push(label ?? "") });
    // Requests start at the newest stored day, except the one holding resources with nothing stored (stopped).
    const yesterday = `${addDays(TODAY, -1)}..${TODAY}`;
    expect(labels.filter((label) => !label.endsWith(yesterday))).toEqual([
      `us-east-1 ${addDays(TODAY, -30)}..${TODAY}`,
    ]);
    // the re-fetched day came back the same, so no row changed
    expect(result).toMatchObject({ status: "SUCCEEDED", rowsWritten: 0 });
    expect(await dump(database)).toEqual(reference);
    const stats = (await sandbox.stats()).apis.cloudwatch!;
    console.log(
      `metrics rerun: ${stats.total} CloudWatch requests, ${result.status === "SUCCEEDED" && result.rowsWritten} rows`,
    );
  });

  it("pages through NextToken and stores the same rows", async () => {
    await sandbox.resetStats();
    // A 5-day window at 500 datapoints a page: each 500-query request (2,500 datapoints) takes 5 pages.
    const window = { from: addDays(TODAY, -5), to: TODAY };
    const result = await run(database, metricsJob({ maxDatapoints: 500 }), { window });
    expect(result.status).toBe("SUCCEEDED");
    const stats = (await sandbox.stats()).apis.cloudwatch!;
    expect(stats.operations.GetMetricData).toBeGreaterThan(3 * 9); // 9 requests without paging
    expect(await dump(database)).toEqual(reference);
  });

  it("leaves identical rows when killed mid-run and rerun", async () => {
    const fresh = await createTestDatabase();
    try {
      await seedInventory(fresh);
      const controller = new AbortController();
      const killed = await run(fresh, metricsJob(), {
        signal: controller.signal,
        progress: (done) => done === 2 && controller.abort(new Error("killed")),
      });
      expect(killed).toMatchObject({ status: "FAILED", error: "killed" });
      expect((await dump(fresh)).length).toBeLessThan(reference.length);
      expect((await run(fresh, metricsJob())).status).toBe("SUCCEEDED");
      expect(await dump(fresh)).toEqual(reference);
    } finally {
      await fresh.drop();
    }
  });

  it("retries throttling and succeeds, counting every attempt", async () => {
    await sandbox.resetStats();
    await sandbox.injectFault({ api: "cloudwatch", operation: "GetMetricData", kind: "throttle", count: 3 });
    const result = await run(database, metricsJob());
    expect(result.status).toBe("SUCCEEDED");
    const stats = await sandbox.stats();
    expect(stats.faulted).toBe(3);
    expect(result).toMatchObject({ apiRequests: stats.apis.cloudwatch!.total });
    expect(await dump(database)).toEqual(reference);
  });

  it("reports a malformed body as CloudWatch GetMetricData, and keeps the old data", async () => {
    await sandbox.injectFault({ api: "cloudwatch", operation: "GetMetricData", kind: "malformed", count: 1 });
    const result = await run(database, metricsJob());
    await sandbox.clearFaults();
    expect(result.status === "FAILED" && result.error).toMatch(
      /^CloudWatch GetMetricData (failed|returned an unexpected payload)/,
    );
    expect(await dump(database)).toEqual(reference);
  });

  it("fetches the new days after the clock moves on, keeping the older ones", async () => {
    await sandbox.advanceDays(2);
    try {
      const later = addDays(TODAY, 2);
      await sandbox.resetStats();
      const result = await run(database, metricsJob({ today: later }));
      expect(result.status).toBe("SUCCEEDED");
      const after = await dump(database);
      const days = [...new Set(after.map((row) => row.day))].sort();
      expect(days[0]).toBe(addDays(TODAY, -30));
      expect(days.at(-1)).toBe(addDays(later, -1));
      // closed days before the re-fetched one are untouched
      const untouched = (rows: typeof after) => rows.filter((row) => row.day < addDays(TODAY, -1));
      expect(untouched(after)).toEqual(untouched(reference));
    } finally {
      // the clock has no way back: this test comes last
    }
  });
});

describe("CloudWatch metrics ingest at scale 2", () => {
  it("batches more than 500 resources into requests of at most 500 queries", async () => {
    // A second, larger sandbox beside the first, addressed by its own endpoint (the environment stays on the first).
    const big = await startSandbox({ port: 0, today: TODAY, scale: 2 });
    const database = await createTestDatabase();
    try {
      const { org } = big.ctx;
      await seedInventory(database, org);
      const resources = org.instances.length + org.dbInstances.length + org.natGateways.length;
      expect(resources).toBeGreaterThan(900);
      const result = await run(database, metricsJob({}, big.url));
      expect(result.status === "FAILED" ? result.error : result.status).toBe("SUCCEEDED");
      const stats = (await (await fetch(`${big.url}/_sim/stats`)).json()) as SandboxStats;
      const requests = stats.apis.cloudwatch!.operations.GetMetricData!;
      // the queries of every stored series (a series' statistics share a request, so requests are nearly full)
      const statistics = new Map(
        Object.values(METRIC_CATALOG)
          .flat()
          .map((spec) => [`${spec.namespace}/${spec.metricName}`, spec.statistics.length]),
      );
      const series = await database.prisma.metricDaily.groupBy({ by: ["resourceId", "metric"] });
      const queries = series.reduce((sum, row) => sum + statistics.get(row.metric.split(":")[0]!)!, 0);
      expect(queries).toBeGreaterThan(7000);
      expect(requests).toBeGreaterThanOrEqual(Math.ceil(queries / 500));
      expect(requests).toBeLessThanOrEqual(Math.ceil(queries / 500) + 2 * org.regions.length);
      const withCpu = new Set(
        (
          await database.prisma.metricDaily.findMany({
            where: { metric: { in: ["AWS/EC2/CPUUtilization", "AWS/RDS/CPUUtilization"] } },
            select: { resource: { select: { resourceId: true } } },
            distinct: ["resourceId"],
          })
        ).map((row) => row.resource.resourceId),
      );
      const expected = [
        ...org.instances.filter((i) => i.state === "running").map((i) => i.id),
        ...org.dbInstances.map((d) => d.identifier),
      ];
      expect(expected.filter((id) => !withCpu.has(id))).toEqual([]);
      console.log(
        `metrics at scale 2: ${resources} resources, ${requests} GetMetricData requests, ${stats.apis.cloudwatch!.total} in all`,
      );
    } finally {
      await database.drop();
      await big.close();
    }
  });
});
