// Squad API benchmark: the sandbox (scale --scale, default 1) ingested into real Postgres by the real
// jobs (inventory, Cost Explorer, OpenCost), allocated, then N calls of getSquadSpend and of the
// GET /api/spend/squads and /api/spend/squads/:slug handlers over the default 30-day window. Prints the
// ingest and allocation times and p50/p95 latency; asserts nothing (this machine is shared and noisy).
//
//   npx tsx bench/squad-api.ts [--scale 1] [--calls 200] [--database postgresql://postgres@127.0.0.1:5432/postgres]
import { parseArgs } from "node:util";
import pg from "pg";
import { GET as squadRoute } from "../app/api/spend/squads/[slug]/route";
import { GET as squadsRoute } from "../app/api/spend/squads/route";
import { migrateDatabase } from "../lib/db/migrate-database";
import { connectPostgres, setDatabase } from "../lib/db/prisma";
import type { JobDefinition } from "../lib/jobs/job-definition";
import { runJob } from "../lib/jobs/run-job";
import { getSquadSpend } from "../lib/queries/spend/get-squad-spend";
import { resolveSpendWindow } from "../lib/queries/spend/spend-params";
import { startSandboxProcess } from "../scripts/sandbox-process";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    calls: { type: "string", default: "200" },
    database: {
      type: "string",
      default: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    },
  },
});
const calls = Number(values.calls);
const admin = values.database!;
const name = `costlens_bench_squads_${process.pid}`;

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(label: string, work: (index: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(10, calls); i++) await work(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  console.log(
    `  ${label.padEnd(44)} p50 ${percentile(samples, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(7)} ms`,
  );
}

async function timed(label: string, job: JobDefinition, prisma: Parameters<typeof runJob>[0]) {
  const started = performance.now();
  const result = await runJob(prisma, job, {
    trigger: "cli",
    holder: "bench",
    log: (message) => label.startsWith("allocation") && console.log(`    ${message}`),
  });
  if (result.status !== "SUCCEEDED") throw new Error(`${label} failed: ${JSON.stringify(result)}`);
  console.log(
    `  ${label.padEnd(44)} ${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s, ${result.rowsWritten} rows`,
  );
}

const sandbox = await startSandboxProcess(["--port", "0", "--scale", values.scale!]);
Object.assign(process.env, sandbox.env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" });
// The jobs read their configuration from the environment the sandbox printed: import them after it is set.
const { inventoryJob } = await import("../jobs/inventory");
const { costExplorerJob } = await import("../jobs/cost-explorer");
const { openCostJob } = await import("../jobs/opencost");
const { allocationJob } = await import("../jobs/allocation");
await sql(admin, `CREATE DATABASE ${name}`);
const url = new URL(admin);
url.pathname = `/${name}`;
const database = await connectPostgres(url.toString());
try {
  await migrateDatabase(database);
  setDatabase(database);
  console.log(`scale ${values.scale} sandbox, 13 months, into Postgres`);
  await timed("inventory ingest", inventoryJob, database.prisma);
  await timed("Cost Explorer ingest", costExplorerJob, database.prisma);
  await timed("OpenCost ingest", openCostJob, database.prisma);
  await timed("allocation (all days)", allocationJob, database.prisma);
  const rows = await sql(url.toString(), "SELECT COUNT(*) AS n FROM allocated_cost_daily");
  console.log(`  allocated_cost_daily rows                    ${rows.rows[0].n}`);

  const squads = (await database.prisma.squad.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map(
    (squad) => squad.slug,
  );
  const window = await resolveSpendWindow(database.prisma, {});
  console.log(`${calls} calls each, window ${window.from} to ${window.to} (exclusive), ${squads.length} squads`);
  const slug = (index: number) => squads[index % squads.length]!;
  const groupBy = (index: number) => (index % 2 ? "service" : "namespace");
  await measure("getSquadSpend (lib, alternating groupBy)", (i) =>
    getSquadSpend(database.prisma, slug(i), { ...window, groupBy: groupBy(i) }),
  );
  await measure("GET /api/spend/squads/:slug (handler + JSON)", async (i) => {
    const response = await squadRoute(new Request(`http://bench/api/spend/squads/${slug(i)}?groupBy=${groupBy(i)}`), {
      params: Promise.resolve({ slug: slug(i) }),
    });
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    await response.text();
  });
  await measure("GET /api/spend/squads (handler + JSON)", async () => {
    const response = await squadsRoute(new Request("http://bench/api/spend/squads"));
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    await response.text();
  });
} finally {
  await database.close();
  await sql(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  sandbox.stop();
}
