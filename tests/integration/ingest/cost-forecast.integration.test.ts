// Cost Explorer's forecast stored by the cost-explorer ingest, against the sandbox's GetCostForecast,
// into a real database (PGlite, and Postgres in the second run of this suite): the rest of this month and
// next month, upserted by (as_of, period, metric), and a failing forecast that leaves the costs stored.
import { CostExplorerClient, GetCostForecastCommand } from "@aws-sdk/client-cost-explorer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCostExplorerClient } from "@/lib/aws/aws-clients";
import { Decimal } from "@/lib/db/decimal";
import { addDays } from "@/lib/format/dates";
import { ingestCostExplorer } from "@/lib/ingest/cost-explorer/ingest-cost-explorer";
import type { JobDefinition } from "@/lib/jobs/job-definition";
import { runJob } from "@/lib/jobs/run-job";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

const TODAY = "2026-11-20";
const WINDOW = { from: addDays(TODAY, -3), to: TODAY };
let sandbox: TestSandbox;
let database: TestDatabase;
let direct: CostExplorerClient;

const job: JobDefinition = {
  name: "cost-explorer",
  description: "test",
  schedule: "0 * * * *",
  async run(context) {
    const client = createCostExplorerClient({ region: "us-east-1", maxAttempts: 2 });
    try {
      await ingestCostExplorer(context, { client, today: TODAY });
    } finally {
      client.destroy();
    }
  },
};

beforeAll(async () => {
  sandbox = await startTestSandbox({ today: TODAY, months: 2 });
  database = await createTestDatabase();
  direct = createCostExplorerClient({ region: "us-east-1" });
});
afterAll(async () => {
  direct.destroy();
  await database?.drop();
  await sandbox?.close();
});

async function stored() {
  const rows = await database.prisma.costForecast.findMany({ orderBy: { periodStart: "asc" } });
  return rows.map((row) => ({
    asOf: row.asOf.toISOString().slice(0, 10),
    periodStart: row.periodStart.toISOString().slice(0, 10),
    periodEnd: row.periodEnd.toISOString().slice(0, 10),
    metric: row.metric,
    mean: new Decimal(row.meanAmount).toFixed(),
    lower: row.lowerBound && new Decimal(row.lowerBound).toFixed(),
    upper: row.upperBound && new Decimal(row.upperBound).toFixed(),
    level: row.predictionIntervalLevel,
  }));
}

async function askDirectly(start: string, end: string) {
  const answer = await direct.send(
    new GetCostForecastCommand({
      TimePeriod: { Start: start, End: end },
      Metric: "UNBLENDED_COST",
      Granularity: "MONTHLY",
      PredictionIntervalLevel: 80,
    }),
  );
  return {
    mean: new Decimal(answer.Total!.Amount!).toFixed(),
    lower: new Decimal(answer.ForecastResultsByTime![0]!.PredictionIntervalLowerBound!).toFixed(),
    upper: new Decimal(answer.ForecastResultsByTime![0]!.PredictionIntervalUpperBound!).toFixed(),
  };
}

describe("Cost Explorer forecast ingest", () => {
  it("stores the rest of this month and next month, and a rerun the same day updates them", async () => {
    const first = await runJob(database.prisma, job, { trigger: "cli", holder: "test", window: WINDOW });
    expect(first.status === "FAILED" ? first.error : first.status).toBe("SUCCEEDED");
    const rows = await stored();
    expect(rows).toEqual([
      {
        asOf: TODAY,
        periodStart: TODAY,
        periodEnd: "2026-12-01",
        metric: "UNBLENDED_COST",
        level: 80,
        ...(await askDirectly(TODAY, "2026-12-01")),
      },
      {
        asOf: TODAY,
        periodStart: "2026-12-01",
        periodEnd: "2027-01-01",
        metric: "UNBLENDED_COST",
        level: 80,
        ...(await askDirectly("2026-12-01", "2027-01-01")),
      },
    ]);
    expect(new Decimal(rows[1]!.mean).gt(rows[0]!.mean)).toBe(true);
    const second = await runJob(database.prisma, job, { trigger: "cli", holder: "test", window: WINDOW });
    if (second.status !== "SUCCEEDED") throw new Error(`the rerun ended ${second.status}`);
    expect(await stored()).toEqual(rows);
    const runIds = await database.prisma.costForecast.findMany({ select: { jobRunId: true } });
    expect(runIds.every((row) => row.jobRunId === second.runId)).toBe(true);
  });

  it("a failing forecast neither fails nor rolls back the cost ingest, and is written on the run", async () => {
    const before = await stored();
    await database.prisma.costDaily.deleteMany({});
    await sandbox.injectFault({ api: "costexplorer", operation: "GetCostForecast", kind: "server-error", count: 4 });
    try {
      const logs: string[] = [];
      const result = await runJob(database.prisma, job, {
        trigger: "cli",
        holder: "test",
        window: WINDOW,
        log: (message) => logs.push(message),
      });
      if (result.status !== "SUCCEEDED") throw new Error(`the run ended ${JSON.stringify(result)}`);
      const days = await database.prisma.costDaily.groupBy({ by: ["day"] });
      expect(days).toHaveLength(3);
      const run = await database.prisma.jobRun.findUniqueOrThrow({ where: { id: result.runId } });
      expect(run.status).toBe("SUCCEEDED");
      expect(run.error).toMatch(
        /^Cost Explorer forecast not stored \(costs were\): Cost Explorer GetCostForecast failed/,
      );
      expect(logs.some((line) => line.startsWith("Cost Explorer forecast not stored"))).toBe(true);
      expect(await stored()).toEqual(before);
    } finally {
      await sandbox.clearFaults();
    }
  });
});
