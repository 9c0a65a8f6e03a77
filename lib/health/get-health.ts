// What GET /api/health reports: can we reach the database, and when did each job last succeed.
import { describeDatabaseError } from "../db/describe-error";
import { getDatabase } from "../db/prisma";
import { lastSuccessfulRuns } from "../queries/job-runs";
import type { Health } from "./health-schema";

export async function getHealth(now = () => performance.now()): Promise<Health> {
  const checkedAt = new Date().toISOString();
  try {
    const database = await getDatabase();
    const started = now();
    await database.prisma.$queryRaw`SELECT 1`;
    const latencyMs = Math.round((now() - started) * 10) / 10;
    const jobs = await lastSuccessfulRuns(database.prisma);
    return {
      status: "ok",
      database: { reachable: true, mode: database.mode, latencyMs },
      jobs: jobs.map((run) => ({ job: run.job, lastSuccessAt: run.finishedAt.toISOString() })),
      checkedAt,
    };
  } catch (error) {
    console.error("[costlens] health check failed:", error);
    const problem = describeDatabaseError(error);
    return { status: "unavailable", database: { reachable: false, problem: problem.title }, jobs: [], checkedAt };
  }
}
