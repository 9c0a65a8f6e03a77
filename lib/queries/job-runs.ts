import type { PrismaClient } from "../db/generated/client";

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
