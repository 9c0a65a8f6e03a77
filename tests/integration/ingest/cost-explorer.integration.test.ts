// The Cost Explorer ingest against the sandbox's Cost Explorer, through the real SDK, into a real
// database (PGlite, and Postgres in the second run of this suite).
import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  type GetCostAndUsageCommandInput,
  type GetCostAndUsageCommandOutput,
} from "@aws-sdk/client-cost-explorer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCostExplorerClient } from "@/lib/aws/aws-clients";
import { Decimal } from "@/lib/db/decimal";
import { addDays } from "@/lib/format/dates";
import { ingestCostExplorer } from "@/lib/ingest/cost-explorer/ingest-cost-explorer";
import type { JobDefinition, JobWindow } from "@/lib/jobs/job-definition";
import { runJob } from "@/lib/jobs/run-job";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

const TODAY = "2026-11-20";
let sandbox: TestSandbox;
let billClient: CostExplorerClient;

beforeAll(async () => {
  sandbox = await startTestSandbox({ today: TODAY, months: 13 });
  billClient = createCostExplorerClient({ region: "us-east-1" });
});
afterAll(async () => {
  billClient.destroy();
  await sandbox.close();
});

function costExplorerJob(today: () => string): JobDefinition {
  return {
    name: "cost-explorer",
    description: "test",
    schedule: "0 * * * *",
    async run(context) {
      const counter = { count: 0 };
      const client = createCostExplorerClient({ region: "us-east-1", counter, maxAttempts: 4 });
      try {
        await ingestCostExplorer(context, { client, today: today() });
      } finally {
        context.countRequests(counter.count);
        client.destroy();
      }
    },
  };
}

type DailyResult = NonNullable<GetCostAndUsageCommandOutput["ResultsByTime"]>[number];

/** Every day's result of one daily UnblendedCost request, through every page. */
async function dailyResults(window: JobWindow, request: Pick<GetCostAndUsageCommandInput, "Filter" | "GroupBy"> = {}) {
  const results: DailyResult[] = [];
  let token: string | undefined;
  do {
    const page = await billClient.send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: window.from, End: window.to },
        Granularity: "DAILY",
        Metrics: ["UnblendedCost"],
        ...request,
        NextPageToken: token,
      }),
    );
    results.push(...(page.ResultsByTime ?? []));
    token = page.NextPageToken;
  } while (token);
  return results;
}

/** Cost Explorer's own daily totals (no grouping): the bill every stored row must add up to. */
async function billByDay(window: JobWindow): Promise<Map<string, string>> {
  const results = await dailyResults(window);
  return new Map(
    results.map((result) => [result.TimePeriod!.Start!, new Decimal(result.Total!.UnblendedCost!.Amount!).toString()]),
  );
}

/** Cost Explorer's own NAT gateway total per day: EC2 - Other grouped by usage type, the NatGateway ones. */
async function natByDay(window: JobWindow): Promise<Map<string, string>> {
  const totals = new Map<string, Decimal>();
  const results = await dailyResults(window, {
    Filter: { Dimensions: { Key: "SERVICE", Values: ["EC2 - Other"] } },
    GroupBy: [{ Type: "DIMENSION", Key: "USAGE_TYPE" }],
  });
  for (const result of results) {
    for (const group of result.Groups ?? []) {
      if (!group.Keys![0]!.includes("NatGateway")) continue;
      const day = result.TimePeriod!.Start!;
      totals.set(day, (totals.get(day) ?? new Decimal(0)).plus(group.Metrics!.UnblendedCost!.Amount!));
    }
  }
  return new Map([...totals].map(([day, total]) => [day, total.toString()]));
}

async function storedNatByDay(database: TestDatabase, window: JobWindow): Promise<Map<string, string>> {
  const rows = await database.prisma.$queryRaw<Array<{ day: Date; total: Decimal }>>`
    SELECT day, SUM(unblended_cost) AS total FROM cost_daily
    WHERE usage_group = 'NAT Gateway' AND service = 'EC2 - Other'
      AND day >= ${new Date(window.from)}::date AND day < ${new Date(window.to)}::date
    GROUP BY day ORDER BY day`;
  return new Map(rows.map((row) => [row.day.toISOString().slice(0, 10), new Decimal(row.total).toString()]));
}

async function storedByDay(database: TestDatabase, window: JobWindow): Promise<Map<string, string>> {
  const rows = await database.prisma.$queryRaw<Array<{ day: Date; total: Decimal }>>`
    SELECT day, SUM(unblended_cost) AS total FROM cost_daily
    WHERE day >= ${new Date(window.from)}::date AND day < ${new Date(window.to)}::date GROUP BY day ORDER BY day`;
  return new Map(rows.map((row) => [row.day.toISOString().slice(0, 10), new Decimal(row.total).toString()]));
}

/** Every stored row, without ids or timestamps: what "identical data" means. */
async function dump(database: TestDatabase) {
  const rows = await database.prisma.costDaily.findMany({
    select: {
      day: true,
      accountId: true,
      service: true,
      teamTag: true,
      costCentreTag: true,
      usageGroup: true,
      unblendedCost: true,
      amortizedCost: true,
      estimated: true,
    },
    orderBy: [
      { day: "asc" },
      { accountId: "asc" },
      { service: "asc" },
      { teamTag: "asc" },
      { costCentreTag: "asc" },
      { usageGroup: "asc" },
    ],
  });
  return rows.map((row) => ({
    ...row,
    unblendedCost: row.unblendedCost.toString(),
    amortizedCost: row.amortizedCost.toString(),
  }));
}

describe("Cost Explorer ingest", () => {
  it("backfills 13 months that reconcile to the bill to the cent, then re-fetches only the trailing window", async () => {
    const database = await createTestDatabase();
    try {
      let today = TODAY;
      const job = costExplorerJob(() => today);
      await sandbox.resetStats();
      const backfill = await runJob(database.prisma, job, { trigger: "cli", holder: "test" });
      expect(backfill.status).toBe("SUCCEEDED");
      const backfillRequests = (await sandbox.stats()).apis.costexplorer!.total;
      expect(backfill).toMatchObject({ apiRequests: backfillRequests });
      const window = { from: "2025-11-01", to: TODAY };
      const bill = await billByDay(window);
      expect(bill.size).toBe(384);
      expect(await storedByDay(database, window)).toEqual(bill);
      // NAT gateways are split out of EC2 - Other exactly, every day they cost something.
      const nat = await natByDay(window);
      expect(nat.size).toBeGreaterThan(300);
      expect(await storedNatByDay(database, window)).toEqual(nat);
      console.log(
        `backfill: ${backfill.status === "SUCCEEDED" && backfill.rowsWritten} rows, ${backfillRequests} Cost Explorer requests`,
      );

      // Two days later: recent days were restated and two new days exist.
      await sandbox.advanceDays(2);
      today = addDays(TODAY, 2);
      await sandbox.resetStats();
      const incremental = await runJob(database.prisma, job, { trigger: "schedule", holder: "test" });
      expect(incremental.status).toBe("SUCCEEDED");
      const incrementalRequests = (await sandbox.stats()).apis.costexplorer!.total;
      console.log(`incremental: ${incrementalRequests} Cost Explorer requests`);
      expect(incrementalRequests).toBeLessThan(backfillRequests / 5);
      const after = { from: "2025-11-01", to: today };
      expect(await storedByDay(database, after)).toEqual(await billByDay(after));

      // Months stored by a version without today's usage groups (here: forgotten records of six months) are
      // fetched again whole by the next scheduled run, and stay exact.
      await database.prisma.costExplorerMonth.deleteMany({ where: { month: { gte: new Date("2026-05-01") } } });
      await database.prisma.costExplorerMonth.update({
        where: { month: new Date("2026-04-01") },
        data: { usageGroups: [] },
      });
      const upgrade = await runJob(database.prisma, job, { trigger: "schedule", holder: "test" });
      if (upgrade.status !== "SUCCEEDED") throw new Error(`the run after the upgrade ended ${upgrade.status}`);
      const [refetched] = await database.prisma.$queryRaw<Array<{ first: Date }>>`
        SELECT MIN(day) AS first FROM cost_daily WHERE job_run_id = ${upgrade.runId}`;
      expect(refetched!.first.toISOString().slice(0, 10)).toBe("2026-04-01");
      const months = await database.prisma.costExplorerMonth.findMany({ orderBy: { month: "asc" } });
      expect(months).toHaveLength(13);
      expect(months.every((month) => month.usageGroups.join() === "NAT Gateway")).toBe(true);
      expect(await storedByDay(database, after)).toEqual(await billByDay(after));
      expect(await storedNatByDay(database, after)).toEqual(await natByDay(after));
    } finally {
      await database.drop();
    }
  });
});

describe("Cost Explorer ingest, rerun and interrupted", () => {
  const window = { from: "2026-08-01", to: "2026-10-01" };
  let database: TestDatabase;
  let reference: Awaited<ReturnType<typeof dump>>;
  const job = costExplorerJob(() => TODAY);

  beforeAll(async () => {
    database = await createTestDatabase();
    expect((await runJob(database.prisma, job, { trigger: "cli", holder: "test", window })).status).toBe("SUCCEEDED");
    reference = await dump(database);
    expect(reference.length).toBeGreaterThan(1000);
  });
  afterAll(async () => {
    await sandbox.clearFaults();
    await database.drop();
  });

  it("leaves identical rows when run twice", async () => {
    expect((await runJob(database.prisma, job, { trigger: "cli", holder: "test", window })).status).toBe("SUCCEEDED");
    expect(await dump(database)).toEqual(reference);
  });

  it("leaves identical rows when killed mid-run and rerun", async () => {
    const fresh = await createTestDatabase();
    try {
      const controller = new AbortController();
      const killed = await runJob(fresh.prisma, job, {
        trigger: "cli",
        holder: "test",
        window,
        signal: controller.signal,
        // Killed as soon as the first month is written.
        progress: (done) => done === 1 && controller.abort(new Error("killed")),
      });
      expect(killed).toMatchObject({ status: "FAILED", error: "killed" });
      expect((await runJob(fresh.prisma, job, { trigger: "cli", holder: "test", window })).status).toBe("SUCCEEDED");
      expect(await dump(fresh)).toEqual(reference);
    } finally {
      await fresh.drop();
    }
  });

  it("retries throttling and succeeds, counting every attempt", async () => {
    await sandbox.resetStats();
    await sandbox.injectFault({ api: "costexplorer", operation: "GetCostAndUsage", kind: "throttle", count: 3 });
    const result = await runJob(database.prisma, job, { trigger: "cli", holder: "test", window });
    expect(result.status).toBe("SUCCEEDED");
    const stats = await sandbox.stats();
    expect(stats.faulted).toBe(3);
    expect(result).toMatchObject({ apiRequests: stats.apis.costexplorer!.total });
    expect(await dump(database)).toEqual(reference);
  });

  it("fails cleanly in a 5xx storm and keeps the old data", async () => {
    await sandbox.injectFault({ api: "costexplorer", operation: "GetCostAndUsage", kind: "server-error", count: 40 });
    const result = await runJob(database.prisma, job, { trigger: "cli", holder: "test", window });
    await sandbox.clearFaults();
    expect(result.status === "FAILED" && result.error).toMatch(
      /^Cost Explorer GetCostAndUsage failed: InternalFailure/,
    );
    expect(await dump(database)).toEqual(reference);
  });

  it("reports a malformed page by API and operation, and keeps the old data", async () => {
    await sandbox.injectFault({ api: "costexplorer", operation: "GetCostAndUsage", kind: "malformed", count: 1 });
    const result = await runJob(database.prisma, job, { trigger: "cli", holder: "test", window });
    await sandbox.clearFaults();
    expect(result.status).toBe("FAILED");
    expect(result.status === "FAILED" && result.error).toMatch(
      /^Cost Explorer GetCostAndUsage (failed|returned an unexpected payload)/,
    );
    expect(await dump(database)).toEqual(reference);
  });
});
