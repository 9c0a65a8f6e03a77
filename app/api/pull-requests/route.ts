import { recommendationScope } from "@/lib/auth/recommendation-scope";
import { requireActor } from "@/lib/auth/require-actor";
import { getPrisma } from "@/lib/db/prisma";
import { openPullRequestFromDashboard } from "@/lib/pull-requests/open-pull-request-service";
import {
  BATCH_BODY_HELP,
  batchBodySchema,
  errorResponse,
  pullRequestFailure,
  pullRequestResponse,
} from "@/lib/pull-requests/pull-request-api";
import { PULL_REQUEST_LIMIT, enforceRateLimit } from "@/lib/security/rate-limit";

export const dynamic = "force-dynamic";

/**
 * POST /api/pull-requests { recommendationIds } -> { url, number, state }: one pull request for several
 * recommendations of the same type in the same root module; statuses as for a single recommendation.
 * A squad lead passes only when every recommendation is their squad's.
 */
export async function POST(request: Request) {
  const body = batchBodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return errorResponse(400, BATCH_BODY_HELP);
  if (new Set(body.data.recommendationIds).size !== body.data.recommendationIds.length) {
    return errorResponse(400, "Each recommendation id may appear once");
  }
  const guard = await requireActor(request, "pull-request.open", recommendationScope(...body.data.recommendationIds));
  if (!guard.ok) return guard.response;
  try {
    const prisma = await getPrisma();
    const limited = await enforceRateLimit(prisma, PULL_REQUEST_LIMIT, guard.actor.id);
    if (limited) return limited;
    const result = await openPullRequestFromDashboard(prisma, {
      recommendationIds: body.data.recommendationIds,
      actor: guard.actor.id,
    });
    return pullRequestResponse(result);
  } catch (error) {
    return pullRequestFailure("POST /api/pull-requests", error);
  }
}
