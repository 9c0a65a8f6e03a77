// What a background job is to the runner. Jobs live one a file under jobs/; their domain logic lives in
// lib/. The runner gives each run a context through which it reports progress and what it cost.
import type { PrismaClient } from "../db/generated/client";
import type { IsoDay } from "../format/dates";

export interface JobWindow {
  /** inclusive */
  from: IsoDay;
  /** exclusive */
  to: IsoDay;
}

export interface JobContext {
  prisma: PrismaClient;
  runId: string;
  /** set by --from/--to; a job without it picks its own (a backfill or its trailing window) */
  window?: JobWindow;
  /** aborted when the run must stop: the lease was lost or the process is shutting down */
  signal: AbortSignal;
  log(message: string): void;
  progress(done: number, total: number, label?: string): void;
  /** API requests made, per run: Cost Explorer charges for each */
  countRequests(count: number): void;
  countRows(count: number): void;
}

export interface JobDefinition {
  name: string;
  description: string;
  /** default cron schedule (UTC, 5 fields); JOB_SCHEDULES overrides it */
  schedule: string;
  run(context: JobContext): Promise<void>;
}
