// npm run demo: the whole product on embedded defaults. It starts the sandbox cloud (a local AWS,
// OpenCost and GitHub), migrates the embedded database under .data/ (or DATABASE_URL's), runs every
// ingest job once (the backfill on first start, a quick catch-up after), builds the dashboard when needed,
// serves it on 127.0.0.1:PORT and keeps the worker running its schedules.
// Everything but the sandbox runs in this one process because the embedded database is single-process:
// the dashboard's requests and the worker share the database this process opened (lib/db/prisma.ts).
import { createServer, type Server } from "node:http";
import path from "node:path";
import next from "next";
import { runWorker } from "../jobs/worker";
import { jobs } from "../jobs/registry";
import { createProgressReporter } from "../jobs/progress-reporter";
import { ConfigError, getConfig } from "../lib/config/env";
import { EmbeddedDatabaseError } from "../lib/db/embedded-database";
import { MigrationError } from "../lib/db/migrate";
import { migrateDatabase } from "../lib/db/migrate-database";
import { closeDatabase, getDatabase } from "../lib/db/prisma";
import { tick } from "../lib/jobs/scheduler";
import { buildIfStale } from "./build-if-stale";
import { startSandboxProcess, type SandboxProcess } from "./sandbox-process";

const log = (line: string) => console.log(`[demo] ${line}`);
let sandbox: SandboxProcess | undefined;
const stopping = new AbortController();

/** How long a shutdown waits for requests in flight and the current job step before the process exits. */
const SHUTDOWN_GRACE_MS = 20_000;

/** Stops accepting connections and lets the requests in flight finish: idle keep-alive connections are
 * closed now, busy ones once their response is sent (server.close waits for them). */
function stopServing(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/** One scheduler tick in the foreground: it claims each job's due slot and runs it, so the worker that
 * starts afterwards finds nothing left to redo. On first start that is the backfill. */
async function ingestNow() {
  const database = await getDatabase();
  const reporter = createProgressReporter("ingest");
  const { results } = await tick(database.prisma, jobs, {
    holder: `demo:${process.pid}`,
    schedules: getConfig().JOB_SCHEDULES,
    log: reporter.log,
    progress: reporter.progress,
  });
  reporter.finish();
  const failed = results.filter((result) => result.status === "FAILED").length;
  if (failed) log(`${failed} job(s) failed: the Jobs page shows why; the dashboard shows what is stored.`);
}

async function main() {
  const dataDir = process.env.COSTLENS_DATA_DIR || ".data";
  log("Starting the sandbox cloud (a local AWS, OpenCost and GitHub)…");
  sandbox = await startSandboxProcess([
    "--port",
    process.env.SIM_PORT ?? "0",
    "--repo-dir",
    path.join(dataDir, "sandbox-repo"),
  ]);
  Object.assign(process.env, sandbox.env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" });
  // "Run now" on the Jobs page should start within seconds in the demo.
  process.env.WORKER_POLL_SECONDS ??= "5";
  log(`Sandbox cloud at ${sandbox.env.AWS_ENDPOINT_URL}`);

  const config = getConfig();
  const hostname = process.env.HOSTNAME ?? "127.0.0.1";
  const database = await getDatabase();
  log(
    database.mode === "embedded"
      ? `Embedded database in ${config.COSTLENS_DATA_DIR}/pglite`
      : "Postgres from DATABASE_URL",
  );
  const migrated = await migrateDatabase(database);
  log(migrated.applied.length ? `Applied ${migrated.applied.length} migration(s)` : "Database schema is up to date");

  const hasData = (await database.prisma.costDaily.count({ take: 1 })) > 0;
  log(hasData ? "Catching up with the sandbox's newest data…" : "First start: backfilling 13 months of cost data…");
  await ingestNow();

  await buildIfStale(log);
  const app = next({ dev: false, dir: process.cwd(), hostname, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, hostname, resolve);
  });
  log(`CostLens is running at http://${hostname}:${config.PORT}`);
  log("The worker keeps ingesting on schedule; press Ctrl+C to stop.");

  const worker = runWorker({ signal: stopping.signal });
  const shutdown = (signal: string) => {
    log(`${signal}: shutting down: finishing requests in flight and the current job step`);
    stopping.abort(
      new Error(`interrupted: the demo received ${signal} and stopped this run; the next run redoes the work`),
    );
    // A second Ctrl+C, or a shutdown that takes too long, ends the process at once.
    process.once("SIGINT", () => process.exit(130));
    setTimeout(() => {
      log(`still busy ${SHUTDOWN_GRACE_MS / 1000}s after ${signal}: exiting now`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    void Promise.all([stopServing(server), worker.catch(() => {})])
      .then(() => closeDatabase())
      .finally(() => {
        sandbox?.stop();
        log("stopped");
        process.exit(0);
      });
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch(async (error: unknown) => {
  const known =
    error instanceof ConfigError || error instanceof EmbeddedDatabaseError || error instanceof MigrationError;
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(
      `[demo] Port ${process.env.PORT ?? 3000} is in use: stop what runs there or set PORT to a free port.`,
    );
  } else {
    console.error(known ? `[demo] ${(error as Error).message}` : error);
  }
  sandbox?.stop();
  await closeDatabase().catch(() => {});
  process.exit(1);
});
