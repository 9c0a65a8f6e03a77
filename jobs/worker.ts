// npm run worker: runs the jobs on their schedules, forever. Any number of workers may run against one
// database: schedule slots and job leases live in Postgres, so each slot runs once and no job runs twice at
// the same time. SIGTERM/SIGINT stop it gracefully: the current run is aborted, recorded and its lease
// released before the process exits.
import { hostname } from "node:os";
import { getConfig } from "../lib/config/env";
import { migrateDatabase } from "../lib/db/migrate-database";
import { closeDatabase, getDatabase } from "../lib/db/prisma";
import { tick } from "../lib/jobs/scheduler";
import { untilNextPoll } from "../lib/jobs/until-next-poll";
import { jobs } from "./registry";

const log = (message: string) => console.log(`[${new Date().toISOString()}] worker: ${message}`);

export async function runWorker(options: { once?: boolean; signal: AbortSignal }) {
  const config = getConfig();
  const database = await getDatabase();
  await migrateDatabase(database);
  const holder = `${hostname()}:${process.pid}:worker`;
  log(
    `started as ${holder}; jobs: ${jobs.map((job) => `${job.name} (${config.JOB_SCHEDULES[job.name] ?? job.schedule})`).join(", ")}`,
  );
  while (!options.signal.aborted) {
    try {
      await tick(database.prisma, jobs, { holder, schedules: config.JOB_SCHEDULES, signal: options.signal, log });
    } catch (error) {
      // A tick that fails (database restarting, say) is logged and retried on the next poll.
      log(`tick failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (options.once) break;
    await untilNextPoll(config.WORKER_POLL_SECONDS * 1000, options.signal);
  }
}

/** How long a stopping worker waits for the current job to wind down before it exits anyway (its lease
 * then expires on its own and the next worker's tick records the run as failed). */
const SHUTDOWN_GRACE_MS = 30_000;

if (import.meta.url === `file://${process.argv[1]}`) {
  const controller = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: finishing up: the current job stops at its next step, is recorded and releases its lease`);
      controller.abort(
        new Error(`interrupted: the worker received ${signal} and stopped this run; the next run redoes the work`),
      );
      setTimeout(() => {
        log(`still busy ${SHUTDOWN_GRACE_MS / 1000}s after ${signal}: exiting; the job's lease expires on its own`);
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
    });
  }
  runWorker({ once: process.argv.includes("--once"), signal: controller.signal })
    .then(() => closeDatabase())
    .then(() => {
      log("stopped");
      process.exit(0);
    })
    .catch(async (error: unknown) => {
      console.error(error);
      await closeDatabase().catch(() => {});
      process.exit(1);
    });
}
