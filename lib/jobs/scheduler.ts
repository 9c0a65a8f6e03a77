// One tick of the worker's scheduler: claim each job's latest due schedule slot (a unique (job, slot) row
// in job_runs, so of N workers exactly one claims it), mark runs whose worker died as failed, and carry
// out queued runs. Everything goes through Postgres; nothing is coordinated in memory.
import type { PrismaClient } from "../db/generated/client";
import { latestSlot, parseCron } from "./cron";
import type { JobDefinition } from "./job-definition";
import { runJob, type RunJobOptions, type RunJobResult } from "./run-job";

export interface TickOptions {
  holder: string;
  now?: Date;
  schedules?: Record<string, string>;
  signal?: AbortSignal;
  log?: (message: string) => void;
  leaseTtlMs?: number;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Queues the latest due slot of each job unless some worker already did. */
export async function claimDueSlots(prisma: PrismaClient, jobs: JobDefinition[], options: TickOptions) {
  const now = options.now ?? new Date();
  const claimed: string[] = [];
  for (const job of jobs) {
    const slot = latestSlot(parseCron(options.schedules?.[job.name] ?? job.schedule), now);
    if (!slot) continue;
    try {
      await prisma.jobRun.create({
        data: { job: job.name, trigger: "schedule", status: "QUEUED", slot: slot.toISOString(), startedAt: now },
        select: { id: true },
      });
      claimed.push(job.name);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return claimed;
}

/** Runs left RUNNING by a worker that died (no live lease) are failed, so the history tells the truth. */
export async function failOrphanedRuns(prisma: PrismaClient): Promise<number> {
  return prisma.$executeRaw`
    UPDATE job_runs SET status = 'FAILED', finished_at = now(),
      error = 'The worker running this job stopped before it finished (its lease expired); the next run redoes the work.'
    WHERE status = 'RUNNING'
      AND NOT EXISTS (SELECT 1 FROM job_locks l WHERE l.run_id = job_runs.id AND l.expires_at > now())`;
}

export async function runQueued(
  prisma: PrismaClient,
  jobs: JobDefinition[],
  options: TickOptions & Pick<RunJobOptions, "progress">,
): Promise<RunJobResult[]> {
  const byName = new Map(jobs.map((job) => [job.name, job]));
  const queued = await prisma.jobRun.findMany({
    where: { status: "QUEUED", job: { in: [...byName.keys()] } },
    select: { id: true, job: true, trigger: true, windowFrom: true, windowTo: true, startedAt: true },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
  });
  // Runs queued at the same moment (one tick's slots) go in the jobs' own order: inventory before the
  // metrics and prices that read it.
  const position = new Map(jobs.map((job, index) => [job.name, index]));
  queued.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || position.get(a.job)! - position.get(b.job)!);
  const results: RunJobResult[] = [];
  for (const run of queued) {
    if (options.signal?.aborted) break;
    const job = byName.get(run.job)!;
    const window =
      run.windowFrom && run.windowTo
        ? { from: run.windowFrom.toISOString().slice(0, 10), to: run.windowTo.toISOString().slice(0, 10) }
        : undefined;
    options.log?.(`starting ${job.name} (run ${run.id}, ${run.trigger})`);
    const result = await runJob(prisma, job, {
      trigger: run.trigger === "ui" ? "ui" : "schedule",
      holder: options.holder,
      queuedRunId: run.id,
      window,
      signal: options.signal,
      log: options.log,
      progress: options.progress,
      leaseTtlMs: options.leaseTtlMs,
    });
    options.log?.(`${job.name}: ${result.status}${result.status === "FAILED" ? ` (${result.error})` : ""}`);
    results.push(result);
  }
  return results;
}

export async function tick(
  prisma: PrismaClient,
  jobs: JobDefinition[],
  options: TickOptions & Pick<RunJobOptions, "progress">,
) {
  await failOrphanedRuns(prisma);
  const claimed = await claimDueSlots(prisma, jobs, options);
  const results = await runQueued(prisma, jobs, options);
  return { claimed, results };
}
