// "Run now" from the Jobs page: queue a run for the worker. At most one requested run per job waits at a
// time, enforced by the unique (job, slot) constraint rather than a check-then-insert race: a double click
// or two admins at once get the same queued run back.
import type { PrismaClient } from "../db/generated/client";

export const REQUESTED_SLOT = "requested";

export interface RequestedRun {
  id: string;
  job: string;
  status: string;
  created: boolean;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export async function requestRun(prisma: PrismaClient, job: string, requestedBy: string): Promise<RequestedRun> {
  try {
    const run = await prisma.jobRun.create({
      data: { job, trigger: "ui", status: "QUEUED", slot: REQUESTED_SLOT, requestedBy },
      select: { id: true, job: true, status: true },
    });
    return { ...run, created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const waiting = await prisma.jobRun.findUnique({
      where: { job_slot: { job, slot: REQUESTED_SLOT } },
      select: { id: true, job: true, status: true },
    });
    if (!waiting) throw error;
    return { ...waiting, created: false };
  }
}
