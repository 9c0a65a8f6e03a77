// npm run worker: runs the jobs on their schedules, forever. Any number of workers may run against one
// database: schedule slots and job leases live in Postgres, so each slot runs once and no job runs twice at
// the same time. SIGTERM/SIGINT stop it gracefully: the current run is aborted, recorded and its lease
// released before the process exits.
import { hostname } from "node:os";
import { getConfig } from "../lib/config/env";
import { migrateDatabase } from "../lib/db/migrate-database";
import { closeDatabase, getDatabase } from "../lib/db/prisma";
import { tick } from "../lib/jobs/scheduler";
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
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, config.WORKER_POLL_SECONDS * 1000);
      options.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const controller = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: finishing up`);
      controller.abort(new Error(`worker received ${signal}`));
    });
  }
  runWorker({ once: process.argv.includes("--once"), signal: controller.signal })
    .then(() => closeDatabase())
    .then(() => process.exit(0))
    .catch(async (error: unknown) => {
      console.error(error);
      await closeDatabase().catch(() => {});
      process.exit(1);
    });
}
