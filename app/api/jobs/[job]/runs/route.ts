import { NextResponse } from "next/server";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/auth/audit/record-audit-event";
import { requireActor } from "@/lib/auth/require-actor";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { jobNames } from "@/lib/jobs/job-catalog";
import { requestRun } from "@/lib/jobs/request-run";
import { enforceRateLimit, JOB_START_LIMIT } from "@/lib/security/rate-limit";

export const dynamic = "force-dynamic";

const params = z.object({ job: z.string().refine((name) => jobNames.includes(name), "unknown job") });

/** Queues a run for the worker: 201 when queued now, 200 when one was already waiting. Admins only. */
export async function POST(request: Request, context: { params: Promise<{ job: string }> }) {
  const guard = await requireActor(request, "jobs.start");
  if (!guard.ok) return guard.response;
  const parsed = params.safeParse(await context.params);
  if (!parsed.success) {
    return NextResponse.json({ error: `Unknown job. Known jobs: ${jobNames.join(", ")}` }, { status: 404 });
  }
  try {
    const prisma = await getPrisma();
    const limited = await enforceRateLimit(prisma, JOB_START_LIMIT, guard.actor.id);
    if (limited) return limited;
    const run = await requestRun(prisma, parsed.data.job, guard.actor.id);
    if (run.created) {
      await recordAuditEvent(prisma, {
        actor: guard.actor.id,
        action: "job.run-requested",
        entityType: "job-run",
        entityId: run.id,
        after: { job: run.job, status: run.status },
      });
    }
    return NextResponse.json({ id: run.id, job: run.job, status: run.status }, { status: run.created ? 201 : 200 });
  } catch (error) {
    console.error("[costlens] POST /api/jobs/:job/runs failed:", error);
    return NextResponse.json({ error: describeDatabaseError(error) }, { status: 503 });
  }
}
