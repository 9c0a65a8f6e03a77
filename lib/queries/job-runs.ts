import type { PrismaClient } from "../db/generated/client";
import type { JobRunStatus } from "../db/generated/enums";

export interface JobRunSummary {
  id: string;
  job: string;
  status: JobRunStatus;
  trigger: string;
  startedAt: Date;
  finishedAt: Date | null;
  rowsWritten: number;
  apiRequests: number;
  error: string | null;
}

export async function listJobRuns(prisma: PrismaClient, limit = 50): Promise<JobRunSummary[]> {
  return prisma.jobRun.findMany({
    select: {
      id: true,
      job: true,
      status: true,
      trigger: true,
      startedAt: true,
      finishedAt: true,
      rowsWritten: true,
      apiRequests: true,
      error: true,
    },
    orderBy: [{ startedAt: "desc" }, { id: "asc" }],
    take: limit,
  });
}

export interface LastSuccess {
  job: string;
  finishedAt: Date;
}

/** The newest successful run of every job that has ever succeeded. */
export async function lastSuccessfulRuns(prisma: PrismaClient): Promise<LastSuccess[]> {
  const rows = await prisma.jobRun.groupBy({
    by: ["job"],
    where: { status: "SUCCEEDED" },
    _max: { finishedAt: true },
    orderBy: { job: "asc" },
  });
  return rows.flatMap((row) => (row._max.finishedAt ? [{ job: row.job, finishedAt: row._max.finishedAt }] : []));
}
