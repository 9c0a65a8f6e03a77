// How fresh the stored data is, source by source: the last successful run of each job that reads an
// outside system (AWS, OpenCost, GitHub) and whether its latest run failed since. When a source is down the
// dashboard keeps serving what is stored; this is what lets it say "data as of <time>".
import type { PrismaClient } from "../db/generated/client";
import { jobCatalog } from "../jobs/job-catalog";

/** The jobs that fetch from outside systems, and the system each depends on, in the words a user knows. */
export const EXTERNAL_SOURCES: Record<string, string> = {
  [jobCatalog.costExplorer.name]: "AWS Cost Explorer",
  [jobCatalog.inventory.name]: "the AWS inventory (EC2, RDS)",
  [jobCatalog.metrics.name]: "CloudWatch metrics",
  [jobCatalog.prices.name]: "the AWS Price List",
  [jobCatalog.openCost.name]: "OpenCost",
  [jobCatalog.terraformIndex.name]: "the Terraform repository on GitHub",
  [jobCatalog.pullRequests.name]: "GitHub pull requests",
};

export interface SourceFreshness {
  job: string;
  source: string;
  /** the end of the newest successful run; null when it never succeeded */
  lastSuccessAt: Date | null;
  /** the end of the newest run when that run failed (the source is failing now); else null */
  failedAt: Date | null;
}

export interface DataFreshness {
  /** every outside source whose job has finished at least once */
  sources: SourceFreshness[];
  /** the sources whose latest run failed */
  failing: SourceFreshness[];
  /** the oldest last success among the failing sources: what the dashboard's figures are as of */
  dataAsOf: Date | null;
}

export async function getDataFreshness(prisma: PrismaClient): Promise<DataFreshness> {
  const jobs = Object.keys(EXTERNAL_SOURCES);
  const [successes, latest] = await Promise.all([
    prisma.jobRun.groupBy({
      by: ["job"],
      where: { job: { in: jobs }, status: "SUCCEEDED", finishedAt: { not: null } },
      _max: { finishedAt: true },
    }),
    prisma.jobRun.findMany({
      where: { job: { in: jobs }, status: { in: ["SUCCEEDED", "FAILED"] }, finishedAt: { not: null } },
      distinct: ["job"],
      orderBy: [{ job: "asc" }, { finishedAt: "desc" }, { id: "desc" }],
      select: { job: true, status: true, finishedAt: true },
    }),
  ]);
  const lastSuccess = new Map(successes.map((row) => [row.job, row._max.finishedAt]));
  const sources = latest.map((run) => ({
    job: run.job,
    source: EXTERNAL_SOURCES[run.job]!,
    lastSuccessAt: lastSuccess.get(run.job) ?? null,
    failedAt: run.status === "FAILED" ? run.finishedAt : null,
  }));
  const failing = sources.filter((source) => source.failedAt !== null);
  const asOf = failing.map((source) => source.lastSuccessAt?.getTime() ?? 0).filter((time) => time > 0);
  return { sources, failing, dataAsOf: asOf.length ? new Date(Math.min(...asOf)) : null };
}
