// npm run jobs -- run <job>|all [--from YYYY-MM-DD --to YYYY-MM-DD]
// npm run jobs -- list
// Runs jobs once in this process (with the same lease as the worker, so it never overlaps a scheduled
// run), then exits non-zero if any failed. SIGINT/SIGTERM stop the current job at its next step: it is
// recorded as interrupted and releases its lease, so a rerun need not wait for the lease to expire.
import { hostname } from "node:os";
import { parseArgs } from "node:util";
import { ConfigError } from "../lib/config/env";
import { EmbeddedDatabaseError } from "../lib/db/embedded-database";
import { migrateDatabase } from "../lib/db/migrate-database";
import { closeDatabase, getDatabase } from "../lib/db/prisma";
import type { JobWindow } from "../lib/jobs/job-definition";
import { runJob } from "../lib/jobs/run-job";
import { createProgressReporter } from "./progress-reporter";
import { findJob, jobs } from "./registry";

const USAGE = `usage: npm run jobs -- run <job>|all [--from YYYY-MM-DD --to YYYY-MM-DD]
       npm run jobs -- list
jobs: ${jobs.map((job) => job.name).join(", ")}`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function parseWindow(from: string | undefined, to: string | undefined): JobWindow | undefined {
  if (!from && !to) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!from || !to) fail("--from and --to go together");
  if (!day.test(from) || Number.isNaN(Date.parse(from))) fail(`--from: expected a date YYYY-MM-DD, got "${from}"`);
  if (!day.test(to) || Number.isNaN(Date.parse(to))) fail(`--to: expected a date YYYY-MM-DD, got "${to}"`);
  if (from >= to) fail("--from must be before --to (--to is exclusive, as in Cost Explorer)");
  return { from, to };
}

function stopOnSignals(): AbortSignal {
  const controller = new AbortController();
  for (const name of ["SIGINT", "SIGTERM"] as const) {
    process.once(name, () => {
      console.error(`${name}: stopping the current job at its next step; it is recorded and releases its lease`);
      controller.abort(new Error(`interrupted: the CLI received ${name}; the next run redoes the work`));
    });
  }
  return controller.signal;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { from: { type: "string" }, to: { type: "string" } },
  });
  const [command, name] = positionals;
  if (command === "list") {
    for (const job of jobs) console.log(`${job.name.padEnd(16)} ${job.schedule.padEnd(16)} ${job.description}`);
    return 0;
  }
  if (command !== "run" || !name) fail(USAGE);
  const selected = name === "all" ? jobs : [findJob(name) ?? fail(`unknown job "${name}"\n${USAGE}`)];
  const window = parseWindow(values.from, values.to);

  const database = await getDatabase();
  await migrateDatabase(database);
  const holder = `${hostname()}:${process.pid}:cli`;
  const stop = stopOnSignals();
  let failures = 0;
  for (const job of selected) {
    if (stop.aborted) break;
    const reporter = createProgressReporter(job.name);
    const started = Date.now();
    const result = await runJob(database.prisma, job, { trigger: "cli", holder, window, signal: stop, ...reporter });
    reporter.finish();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.status === "SUCCEEDED") {
      reporter.log(`succeeded in ${seconds}s: ${result.rowsWritten} rows, ${result.apiRequests} API requests`);
    } else if (result.status === "FAILED") {
      failures += 1;
      reporter.log(`FAILED after ${seconds}s: ${result.error}`);
    } else if (result.status === "BUSY") {
      failures += 1;
      reporter.log(`not started: already running on ${result.heldBy} (run ${result.heldByRun})`);
    }
  }
  return failures === 0 ? 0 : 1;
}

main()
  .then(async (code) => {
    await closeDatabase();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof EmbeddedDatabaseError ? error.message : error);
    await closeDatabase().catch(() => {});
    process.exit(1);
  });
