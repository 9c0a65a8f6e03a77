// Ingest benchmark: the scale-10 sandbox's Cost Explorer backfill into real Postgres, against a plain
// COPY of the very same rows into the same server in the same run (the ceiling for bulk loading), plus
// peak memory and what the backfill and one daily incremental run cost in Cost Explorer requests.
// Prints figures; asserts nothing (this machine is shared and noisy).
//
//   npx tsx bench/ingest.ts [--scale 10] [--database postgresql://postgres@127.0.0.1:5432/postgres]
import { writeFile, rm, mkdtemp, chmod } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createCostExplorerClient } from "../lib/aws/aws-clients";
import { migrateDatabase } from "../lib/db/migrate-database";
import { connectPostgres } from "../lib/db/prisma";
import { ingestCostExplorer } from "../lib/ingest/cost-explorer/ingest-cost-explorer";
import { replaceCostWindow } from "../lib/ingest/cost-explorer/replace-cost-window";
import type { JobDefinition } from "../lib/jobs/job-definition";
import { runJob } from "../lib/jobs/run-job";
import { startSandboxProcess } from "../scripts/sandbox-process";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "10" },
    database: {
      type: "string",
      default: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    },
  },
});
const TODAY = "2026-11-20";
const admin = values.database!;
const name = `costlens_bench_${process.pid}`;

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

function ceJob(today: string): JobDefinition {
  return {
    name: "cost-explorer",
    description: "bench",
    schedule: "0 0 * * *",
    async run(context) {
      const counter = { count: 0 };
      const client = createCostExplorerClient({ region: "us-east-1", counter });
      try {
        await ingestCostExplorer(context, { client, today });
      } finally {
        context.countRequests(counter.count);
        client.destroy();
      }
    },
  };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

const sandbox = await startSandboxProcess(["--port", "0", "--scale", values.scale!, "--today", TODAY]);
Object.assign(process.env, sandbox.env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" });
await sql(admin, `CREATE DATABASE ${name}`);
const url = new URL(admin);
url.pathname = `/${name}`;
const database = await connectPostgres(url.toString());
const scratch = await mkdtemp(path.join(tmpdir(), "costlens-bench-"));
try {
  await migrateDatabase(database);
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const backfill = await runJob(database.prisma, ceJob(TODAY), { trigger: "cli", holder: "bench" });
  const ingestSeconds = (performance.now() - started) / 1000;
  if (backfill.status !== "SUCCEEDED") throw new Error(`backfill failed: ${JSON.stringify(backfill)}`);
  const peakRss = process.resourceUsage().maxRSS * 1024;

  // The same rows, exported and loaded with COPY into an identical table.
  const csv = path.join(scratch, "cost_daily.csv");
  const rows = await sql(
    url.toString(),
    `SELECT day, account_id, service, region, team_tag, environment_tag, cost_centre_tag, usage_group, unblended_cost, amortized_cost, estimated FROM cost_daily`,
  );
  const escape = (value: unknown) =>
    `"${String(value instanceof Date ? value.toISOString().slice(0, 10) : value).replace(/"/g, '""')}"`;
  await writeFile(csv, rows.rows.map((row) => Object.values(row).map(escape).join(",")).join("\n"));
  await chmod(scratch, 0o755);
  await chmod(csv, 0o644);
  await sql(url.toString(), `CREATE TABLE cost_daily_copy (LIKE cost_daily INCLUDING ALL)`);
  const copyStarted = performance.now();
  await sql(
    url.toString(),
    `COPY cost_daily_copy (day, account_id, service, region, team_tag, environment_tag, cost_centre_tag, usage_group, unblended_cost, amortized_cost, estimated) FROM '${csv}' WITH (FORMAT csv)`,
  );
  const copySeconds = (performance.now() - copyStarted) / 1000;

  // The write path alone: the same rows through replaceCostWindow (delete + batched inserts, one
  // transaction), so the ratio against COPY is not dominated by fetching.
  const costRows = rows.rows.map((row) => ({
    day: (row.day as Date).toISOString().slice(0, 10),
    accountId: String(row.account_id),
    service: String(row.service),
    teamTag: String(row.team_tag),
    costCentreTag: String(row.cost_centre_tag),
    usageGroup: String(row.usage_group),
    unblendedCost: String(row.unblended_cost),
    amortizedCost: String(row.amortized_cost),
    estimated: Boolean(row.estimated),
  }));
  // Into an empty table, as COPY did: the delete of the old window is not part of the comparison.
  await sql(url.toString(), "DELETE FROM cost_daily");
  const writeStarted = performance.now();
  await replaceCostWindow(database.prisma, {
    window: { from: "2000-01-01", to: "2100-01-01" },
    rows: costRows,
    usageGroups: [],
    jobRunId: "bench",
  });
  const writeSeconds = (performance.now() - writeStarted) / 1000;

  // One day later: the daily incremental run.
  await fetch(`${sandbox.env.AWS_ENDPOINT_URL}/_sim/clock`, {
    method: "POST",
    body: JSON.stringify({ advanceDays: 1 }),
  });
  const incremental = await runJob(database.prisma, ceJob("2026-11-21"), { trigger: "schedule", holder: "bench" });

  const ingestRate = backfill.rowsWritten / ingestSeconds;
  const copyRate = rows.rowCount! / copySeconds;
  console.log(`scale ${values.scale} sandbox, Cost Explorer backfill of 13 months into Postgres`);
  console.log(`  rows                       ${backfill.rowsWritten}`);
  console.log(`  ingest (fetch + write)     ${ingestSeconds.toFixed(1)} s, ${ingestRate.toFixed(0)} rows/s`);
  const writeRate = costRows.length / writeSeconds;
  console.log(`  write path alone           ${writeSeconds.toFixed(2)} s, ${writeRate.toFixed(0)} rows/s`);
  console.log(`  plain COPY of same rows    ${copySeconds.toFixed(2)} s, ${copyRate.toFixed(0)} rows/s`);
  console.log(`  write path / COPY rate     ${(writeRate / copyRate).toFixed(3)} (goal >= 0.5)`);
  console.log(`  whole ingest / COPY rate   ${(ingestRate / copyRate).toFixed(3)}`);
  console.log(`  peak RSS                   ${mib(peakRss)} (before the run: ${mib(rssBefore)})`);
  console.log(
    `  Cost Explorer requests     backfill ${backfill.apiRequests}, daily incremental ${incremental.status === "SUCCEEDED" ? incremental.apiRequests : incremental.status}`,
  );
} finally {
  await database.close();
  await sql(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await rm(scratch, { recursive: true, force: true });
  sandbox.stop();
}
