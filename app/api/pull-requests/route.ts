import { openPullRequestForRequest } from "@/lib/pull-requests/open-pull-request-route";
import { BATCH_BODY_HELP, batchBodySchema, errorResponse } from "@/lib/pull-requests/pull-request-api";

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
  return openPullRequestForRequest(request, body.data.recommendationIds, "POST /api/pull-requests");
}
