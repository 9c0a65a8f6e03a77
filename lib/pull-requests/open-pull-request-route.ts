// The POST handlers that open a pull request (one recommendation, or a batch) differ only in how they read
// the ids. The rest is one flow: the person must hold pull-request.open for every recommendation's squad,
// is rate-limited per person, and gets the same statuses (201 opened, 200 already open, 422 refusal).
import { recommendationScope } from "../auth/recommendation-scope";
import { requireActor } from "../auth/require-actor";
import { getPrisma } from "../db/prisma";
import { enforceRateLimit, PULL_REQUEST_LIMIT } from "../security/rate-limit";
import { openPullRequestFromDashboard } from "./open-pull-request-service";
import { pullRequestFailure, pullRequestResponse } from "./pull-request-api";

/** `route` names the handler in the failure log line, e.g. "POST /api/pull-requests". */
export async function openPullRequestForRequest(
  request: Request,
  recommendationIds: string[],
  route: string,
): Promise<Response> {
  const guard = await requireActor(request, "pull-request.open", recommendationScope(...recommendationIds));
  if (!guard.ok) return guard.response;
  try {
    const prisma = await getPrisma();
    const limited = await enforceRateLimit(prisma, PULL_REQUEST_LIMIT, guard.actor.id);
    if (limited) return limited;
    const result = await openPullRequestFromDashboard(prisma, { recommendationIds, actor: guard.actor.id });
    return pullRequestResponse(result);
  } catch (error) {
    return pullRequestFailure(route, error);
  }
}
