// What the Jobs page shows: every job with its schedule and latest run, and the recent runs. JSON-safe
// (dates as ISO strings) so the server render and the polling client share one shape.
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client";
import { jobCatalog } from "../jobs/job-catalog";

const runSchema = z.object({
  id: z.string(),
  job: z.string(),
  status: z.enum(["QUEUED", "RUNNING", "SUCCEEDED", "FAILED"]),
  trigger: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  rowsWritten: z.number(),
  apiRequests: z.number(),
  error: z.string().nullable(),
  requestedBy: z.string().nullable(),
});

export const jobsOverviewSchema = z.object({
  jobs: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      schedule: z.string(),
      latest: runSchema.nullable(),
    }),
  ),
  runs: z.array(runSchema),
});

export type JobsOverview = z.infer<typeof jobsOverviewSchema>;
export type JobRunView = z.infer<typeof runSchema>;

const runSelect = {
  id: true,
  job: true,
  status: true,
  trigger: true,
  startedAt: true,
  finishedAt: true,
  rowsWritten: true,
  apiRequests: true,
  error: true,
  requestedBy: true,
} as const;

type RunRow = Omit<JobRunView, "startedAt" | "finishedAt"> & { startedAt: Date; finishedAt: Date | null };

function toView(run: RunRow): JobRunView {
  return { ...run, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null };
}

export async function getJobsOverview(
  prisma: PrismaClient,
  options: { limit?: number; schedules?: Record<string, string> } = {},
): Promise<JobsOverview> {
  const catalog = Object.values(jobCatalog);
  const [runs, latest] = await Promise.all([
    prisma.jobRun.findMany({
      select: runSelect,
      orderBy: [{ startedAt: "desc" }, { id: "asc" }],
      take: options.limit ?? 50,
    }),
    Promise.all(
      catalog.map((job) =>
        prisma.jobRun.findFirst({
          where: { job: job.name },
          select: runSelect,
          orderBy: [{ startedAt: "desc" }, { id: "asc" }],
        }),
      ),
    ),
  ]);
  return {
    jobs: catalog.map((job, index) => ({
      ...job,
      schedule: options.schedules?.[job.name] ?? job.schedule,
      latest: latest[index] ? toView(latest[index]) : null,
    })),
    runs: runs.map(toView),
  };
}
