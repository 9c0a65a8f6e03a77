import { NextResponse } from "next/server";
import { getPrisma } from "@/lib/db/prisma";
import { findOpenPullRequestOf } from "@/lib/pull-requests/find-open-pull-request";
import { openPullRequestForRequest } from "@/lib/pull-requests/open-pull-request-route";
import {
  RECOMMENDATION_ID_HELP,
  errorResponse,
  openPullRequestLookupSchema,
  pullRequestFailure,
  recommendationIdSchema,
} from "@/lib/pull-requests/pull-request-api";

export const dynamic = "force-dynamic";

/**
 * POST /api/recommendations/:id/pull-request -> { url, number, state }: 201 when this call opened it, 200
 * when it was already open (or being opened by a concurrent call); 422 { code, reason, cliCommand? } when
 * the fix cannot be made safely; 409 when the recommendation is dismissed or resolved. Engineers, admins
 * and the recommendation's squad lead; rate-limited per person.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const id = recommendationIdSchema.safeParse((await context.params).id);
  if (!id.success) return errorResponse(400, RECOMMENDATION_ID_HELP);
  return openPullRequestForRequest(request, [id.data], "POST /api/recommendations/:id/pull-request");
}

/** GET /api/recommendations/:id/pull-request -> { pullRequest: { url, number, state } | null }. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const id = recommendationIdSchema.safeParse((await context.params).id);
  if (!id.success) return errorResponse(400, RECOMMENDATION_ID_HELP);
  try {
    const pullRequest = await findOpenPullRequestOf(await getPrisma(), id.data);
    if (pullRequest === undefined) return errorResponse(404, "No such recommendation");
    return NextResponse.json(openPullRequestLookupSchema.parse({ pullRequest }), {
      headers: { "cache-control": "no-store" },
    });
  } catch (error) {
    return pullRequestFailure("GET /api/recommendations/:id/pull-request", error);
  }
}
