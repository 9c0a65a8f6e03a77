import { NextResponse } from "next/server";
import { getConfig } from "@/lib/config/env";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { getJobsOverview, jobsOverviewSchema } from "@/lib/queries/jobs-overview";

export const dynamic = "force-dynamic";

/** Every job with its latest run, and the recent runs: what the Jobs page polls. */
export async function GET() {
  try {
    const overview = await getJobsOverview(await getPrisma(), { schedules: getConfig().JOB_SCHEDULES });
    return NextResponse.json(jobsOverviewSchema.parse(overview), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("[costlens] GET /api/jobs/runs failed:", error);
    return NextResponse.json({ error: describeDatabaseError(error) }, { status: 503 });
  }
}
