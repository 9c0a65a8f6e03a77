// The request and response shapes of POST /api/recommendations/:id/pull-request and POST /api/pull-requests,
// and how a failure becomes a response: a refusal is a 422 carrying { code, reason, cliCommand? }.
import { NextResponse } from "next/server";
import { z } from "zod";
import { describeDatabaseError } from "../db/describe-error";
import { GitHubConfigError } from "../git/github-errors";
import { refusalCodeSchema } from "../terraform/index/index-entry";
import { PullRequestError } from "./pull-request-errors";

export const recommendationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const RECOMMENDATION_ID_HELP = "A recommendation id is 1 to 64 letters, digits, dashes or underscores";

export const batchBodySchema = z.object({
  recommendationIds: z.array(recommendationIdSchema).min(1).max(50),
});

export const BATCH_BODY_HELP =
  "Send JSON { recommendationIds: [...] } with 1 to 50 recommendation ids of the same type and root module";

export const pullRequestResponseSchema = z.object({
  url: z.string().url(),
  number: z.number().int().positive(),
  state: z.enum(["OPENING", "OPEN", "MERGED", "CLOSED"]),
});

export const openPullRequestLookupSchema = z.object({ pullRequest: pullRequestResponseSchema.nullable() });

export type PullRequestResponse = z.infer<typeof pullRequestResponseSchema>;

export const refusalResponseSchema = z.object({
  error: z.string(),
  code: refusalCodeSchema,
  reason: z.string(),
  cliCommand: z.string().optional(),
});

const noStore = { "cache-control": "no-store" };

export function errorResponse(status: number, message: string) {
  return NextResponse.json({ error: message }, { status, headers: noStore });
}

export function pullRequestResponse(result: PullRequestResponse & { created: boolean }) {
  const body = pullRequestResponseSchema.parse({ url: result.url, number: result.number, state: result.state });
  return NextResponse.json(body, { status: result.created ? 201 : 200, headers: noStore });
}

/** A PullRequestError to its status; a missing GitHub setting to 503 naming it; anything else logged, no detail. */
export function pullRequestFailure(route: string, error: unknown) {
  if (error instanceof PullRequestError) {
    if (error.refusal) {
      const { code, reason, cliCommand } = error.refusal;
      const body = refusalResponseSchema.parse({ error: reason, code, reason, cliCommand });
      return NextResponse.json(body, { status: 422, headers: noStore });
    }
    return errorResponse(error.httpStatus, error.message);
  }
  if (error instanceof GitHubConfigError) {
    console.error(`[costlens] ${route}: GitHub is not configured:`, error.message);
    return errorResponse(503, `GitHub is not configured: ${error.message}`);
  }
  console.error(`[costlens] ${route} failed:`, error);
  return errorResponse(503, describeDatabaseError(error).title);
}
