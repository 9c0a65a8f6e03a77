import { NextResponse } from "next/server";
import { z } from "zod";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { jobNames } from "@/lib/jobs/job-catalog";
import { requestRun } from "@/lib/jobs/request-run";

export const dynamic = "force-dynamic";

const params = z.object({ job: z.string().refine((name) => jobNames.includes(name), "unknown job") });

/** Queues a run for the worker: 201 when queued now, 200 when one was already waiting. */
export async function POST(_request: Request, context: { params: Promise<{ job: string }> }) {
  const parsed = params.safeParse(await context.params);
  if (!parsed.success) {
    return NextResponse.json({ error: `Unknown job. Known jobs: ${jobNames.join(", ")}` }, { status: 404 });
  }
  try {
    const run = await requestRun(await getPrisma(), parsed.data.job, "dashboard");
    return NextResponse.json({ id: run.id, job: run.job, status: run.status }, { status: run.created ? 201 : 200 });
  } catch (error) {
    console.error("[costlens] POST /api/jobs/:job/runs failed:", error);
    return NextResponse.json({ error: describeDatabaseError(error) }, { status: 503 });
  }
}
