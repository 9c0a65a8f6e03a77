// What the spend benchmarks share: the sandbox (scale --scale) ingested into a fresh real Postgres database
// by the real jobs (inventory, Cost Explorer, OpenCost) and allocated, timed; dropped again on close. Also
// the nearest-rank percentile both print.
import pg from "pg";
import { migrateDatabase } from "../lib/db/migrate-database";
import { connectPostgres, setDatabase, type Database } from "../lib/db/prisma";
import type { JobDefinition } from "../lib/jobs/job-definition";
import { runJob } from "../lib/jobs/run-job";
import { startSandboxProcess } from "../scripts/sandbox-process";

export async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed(label: string, job: JobDefinition, prisma: Parameters<typeof runJob>[0]): Promise<number> {
  const started = performance.now();
  const result = await runJob(prisma, job, {
    trigger: "cli",
    holder: "bench",
    log: (message) => label.startsWith("allocation") && console.log(`    ${message}`),
  });
  if (result.status !== "SUCCEEDED") throw new Error(`${label} failed: ${JSON.stringify(result)}`);
  const seconds = (performance.now() - started) / 1000;
  console.log(`  ${label.padEnd(44)} ${seconds.toFixed(1).padStart(7)} s, ${result.rowsWritten} rows`);
  return seconds;
}

export interface IngestedSandbox {
  /** the benchmark database's own URL */
  url: string;
  database: Database;
  close(): Promise<void>;
}

/**
 * Starts the sandbox, creates database `name` next to `admin`'s, migrates it, makes it this process's
 * database and fills it with the sandbox's 13 months. close() drops it and stops the sandbox.
 */
export async function ingestSandbox(options: { scale: string; admin: string; name: string }): Promise<IngestedSandbox> {
  const sandbox = await startSandboxProcess(["--port", "0", "--scale", options.scale]);
  Object.assign(process.env, sandbox.env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" });
  // The jobs read their configuration from the environment the sandbox printed: import them after it is set.
  const { inventoryJob } = await import("../jobs/inventory");
  const { costExplorerJob } = await import("../jobs/cost-explorer");
  const { openCostJob } = await import("../jobs/opencost");
  const { allocationJob } = await import("../jobs/allocation");
  await sql(options.admin, `CREATE DATABASE ${options.name}`);
  const url = new URL(options.admin);
  url.pathname = `/${options.name}`;
  const database = await connectPostgres(url.toString());
  const close = async () => {
    await database.close();
    await sql(options.admin, `DROP DATABASE IF EXISTS ${options.name} WITH (FORCE)`);
    sandbox.stop();
  };
  try {
    await migrateDatabase(database);
    setDatabase(database);
    console.log(`scale ${options.scale} sandbox, 13 months, into Postgres`);
    await timed("inventory ingest", inventoryJob, database.prisma);
    await timed("Cost Explorer ingest", costExplorerJob, database.prisma);
    await timed("OpenCost ingest", openCostJob, database.prisma);
    const full = await timed("allocation (all days)", allocationJob, database.prisma);
    // The hourly run: nothing new, then after the trailing Cost Explorer window was fetched again.
    const unchanged = await timed("allocation again (nothing changed)", allocationJob, database.prisma);
    await timed("Cost Explorer again (trailing window)", costExplorerJob, database.prisma);
    const trailing = await timed("allocation after it", allocationJob, database.prisma);
    console.log(
      `  ratio to the full allocation                 nothing changed ${(unchanged / full).toFixed(3)}, ` +
        `after the trailing window ${(trailing / full).toFixed(3)}`,
    );
    const rows = await sql(url.toString(), "SELECT COUNT(*) AS n FROM allocated_cost_daily");
    console.log(`  allocated_cost_daily rows                    ${rows.rows[0].n}`);
  } catch (error) {
    await close();
    throw error;
  }
  return { url: url.toString(), database, close };
}
