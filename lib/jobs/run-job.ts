// Runs one job once: takes the job's lease, records the run in job_runs (start, end, status, rows,
// API requests, error), keeps the lease alive while the job works, and always releases it. A job that
// loses its lease is aborted rather than left running beside another worker.
import { createId } from "./create-id";
import type { PrismaClient } from "../db/generated/client";
import { acquireLease, currentLease, releaseLease, renewLease } from "./job-lease";
import { REQUESTED_SLOT } from "./request-run";
import type { JobDefinition, JobWindow } from "./job-definition";

export interface RunJobOptions {
  trigger: "cli" | "schedule" | "ui";
  holder: string;
  window?: JobWindow;
  /** an existing QUEUED run (from the Jobs page or a schedule slot) to carry out */
  queuedRunId?: string;
  leaseTtlMs?: number;
  signal?: AbortSignal;
  log?: (message: string) => void;
  progress?: (done: number, total: number, label?: string) => void;
}

export type RunJobResult =
  | { status: "SUCCEEDED"; runId: string; rowsWritten: number; apiRequests: number }
  | { status: "FAILED"; runId: string; error: string; rowsWritten: number; apiRequests: number }
  | { status: "BUSY"; heldBy: string; heldByRun: string }
  /** the queued run was already taken by another worker */
  | { status: "TAKEN"; runId: string };

const DEFAULT_LEASE_TTL_MS = 60_000;

export function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.message.slice(0, 2000);
  return String(error).slice(0, 2000);
}

export async function runJob(prisma: PrismaClient, job: JobDefinition, options: RunJobOptions): Promise<RunJobResult> {
  const runId = options.queuedRunId ?? createId();
  const ttlMs = options.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS;
  const lease = { job: job.name, runId, holder: options.holder, ttlMs };
  if (!(await acquireLease(prisma, lease))) {
    const held = await currentLease(prisma, job.name);
    return { status: "BUSY", heldBy: held?.holder ?? "another worker", heldByRun: held?.runId ?? "unknown" };
  }

  const counts = { rowsWritten: 0, apiRequests: 0 };
  const abort = new AbortController();
  const stopOnOuterAbort = () => abort.abort(options.signal?.reason ?? new Error("the run was cancelled"));
  options.signal?.addEventListener("abort", stopOnOuterAbort, { once: true });
  // Stopped while the lease was being taken (a SIGTERM then): a listener added after the abort never fires.
  if (options.signal?.aborted) stopOnOuterAbort();
  const heartbeat = setInterval(
    () => {
      renewLease(prisma, lease)
        .then((held) => {
          if (!held) abort.abort(new Error(`lost the ${job.name} lease to another worker`));
        })
        .catch((error: unknown) =>
          abort.abort(new Error(`could not renew the ${job.name} lease: ${describeFailure(error)}`)),
        );
    },
    Math.max(1000, Math.floor(ttlMs / 3)),
  );

  try {
    const started = {
      status: "RUNNING" as const,
      startedAt: new Date(),
      workerId: options.holder,
      windowFrom: options.window ? new Date(`${options.window.from}T00:00:00Z`) : null,
      windowTo: options.window ? new Date(`${options.window.to}T00:00:00Z`) : null,
    };
    if (options.queuedRunId) {
      // Only a run still QUEUED may start: another worker may have carried it out already. A run asked for
      // from the Jobs page gives up the "requested" slot as it starts, so the next request can queue.
      const claimed = await prisma.jobRun.updateMany({ where: { id: runId, status: "QUEUED" }, data: started });
      if (claimed.count === 0) return { status: "TAKEN", runId };
      await prisma.jobRun.updateMany({
        where: { id: runId, slot: REQUESTED_SLOT },
        data: { slot: `${REQUESTED_SLOT}:${runId}` },
      });
    } else {
      await prisma.jobRun.create({
        data: { id: runId, job: job.name, trigger: options.trigger, ...started },
        select: { id: true },
      });
    }
    await job.run({
      prisma,
      runId,
      window: options.window,
      signal: abort.signal,
      log: options.log ?? (() => {}),
      progress: options.progress ?? (() => {}),
      countRequests: (count) => {
        counts.apiRequests += count;
      },
      countRows: (count) => {
        counts.rowsWritten += count;
      },
    });
    if (abort.signal.aborted) throw abort.signal.reason;
    await prisma.jobRun.update({
      where: { id: runId },
      data: { status: "SUCCEEDED", finishedAt: new Date(), ...counts },
      select: { id: true },
    });
    return { status: "SUCCEEDED", runId, ...counts };
  } catch (error) {
    const message = describeFailure(error);
    await prisma.jobRun.updateMany({
      where: { id: runId },
      data: { status: "FAILED", finishedAt: new Date(), error: message, ...counts },
    });
    return { status: "FAILED", runId, error: message, ...counts };
  } finally {
    clearInterval(heartbeat);
    options.signal?.removeEventListener("abort", stopOnOuterAbort);
    await releaseLease(prisma, lease);
  }
}
