// Opening the Terraform pull request for one recommendation, or for a set of the same type in one root
// module, exactly once however many clicks, browsers or retries race:
// 1. an opening or open pull request already holding the recommendations is returned (after waiting for
//    it to finish opening; one left OPENING by a dead process is taken over);
// 2. otherwise they are reserved (the unique open_key insert is the lock), the fix is planned (a refusal
//    drops the reservation and opens nothing), then published on GitHub on a deterministic branch (so a
//    retry adopts what exists);
// 3. a GitHub failure drops the reservation, so the next attempt can succeed; success marks the
//    recommendations IN_PROGRESS and writes the audit event, in one transaction.
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client";
import type { PullRequestState, RecommendationType } from "../db/generated/enums";
import type { GitHubClient } from "../git/github-client";
import type { FixOutcome, FixPlan } from "../terraform/fix-plan";
import { evidenceSchema } from "../waste/evidence";
import { pullRequestBranch } from "./branch-name";
import { publishPullRequest, type PublishedPullRequest } from "./publish-pull-request";
import { PullRequestError, refused } from "./pull-request-errors";
import { pullRequestTitle, renderPullRequest, type PullRequestSubject } from "./pull-request-text";
import { findHolders, previousPullRequestCount, release, reserve, takeOver, type Reservation } from "./reservation";

/** What the planner is given for each recommendation of the pull request. */
export interface RecommendationToFix extends PullRequestSubject {
  terraformAddress: string | null;
}

export type FixPlanner = (recommendations: RecommendationToFix[]) => Promise<FixOutcome>;

export interface OpenPullRequestDeps {
  prisma: PrismaClient;
  github: GitHubClient;
  planFix: FixPlanner;
  /** how long a request waits for a concurrent one to finish opening; default 20 s */
  waitMs?: number;
  /** how often it looks; default 250 ms */
  pollMs?: number;
  /** an OPENING reservation untouched for this long belongs to a dead process; default 3 minutes */
  staleMs?: number;
}

export interface OpenPullRequestResult {
  url: string;
  number: number;
  state: PullRequestState;
  /** true when this call opened it, false when it already existed */
  created: boolean;
}

export const openPullRequestInputSchema = z.object({
  recommendationIds: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "a recommendation id is letters, digits, - and _"))
    .min(1, "name at least one recommendation")
    .max(50, "at most 50 recommendations in one pull request")
    .refine((ids) => new Set(ids).size === ids.length, "a recommendation is named twice"),
  actor: z.string().trim().min(1).max(200),
});

export type OpenPullRequestInput = z.input<typeof openPullRequestInputSchema>;

const OPENABLE = new Set(["OPEN", "IN_PROGRESS"]);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function loadRecommendations(prisma: PrismaClient, ids: string[]): Promise<RecommendationToFix[]> {
  const rows = await prisma.recommendation.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      type: true,
      status: true,
      resourceId: true,
      accountId: true,
      region: true,
      monthlySaving: true,
      evidence: true,
      terraformAddress: true,
    },
  });
  if (rows.length !== ids.length) {
    throw new PullRequestError(
      "NOT_FOUND",
      ids.length === 1 ? "No such recommendation" : "No such recommendation among those named",
    );
  }
  const closed = rows.find((row) => !OPENABLE.has(row.status));
  if (closed) {
    throw new PullRequestError(
      "CONFLICT",
      `Recommendation ${closed.resourceId} is ${closed.status.toLowerCase().replace("_", " ")}: there is nothing to fix`,
    );
  }
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id)!;
    const evidence = evidenceSchema.safeParse(row.evidence);
    return {
      id: row.id,
      type: row.type,
      resourceId: row.resourceId,
      accountId: row.accountId,
      region: row.region,
      monthlySaving: row.monthlySaving.toString(),
      evidence: evidence.success ? evidence.data : null,
      terraformAddress: row.terraformAddress,
    };
  });
}

function resultOf(reservation: Reservation): OpenPullRequestResult | undefined {
  if (reservation.state === "OPENING" || reservation.number === null || reservation.url === null) return undefined;
  return { url: reservation.url, number: reservation.number, state: reservation.state, created: false };
}

/** The one type of the set; a mixed set is refused before anything is reserved. */
function singleType(recommendations: RecommendationToFix[]): RecommendationType {
  const types = new Set(recommendations.map((r) => r.type));
  if (types.size > 1) {
    throw refused({
      kind: "refusal",
      code: "mixed-types",
      reason: "One pull request fixes recommendations of a single type: pick recommendations of the same type.",
    });
  }
  return recommendations[0]!.type;
}

async function planOrRefuse(deps: OpenPullRequestDeps, recommendations: RecommendationToFix[]): Promise<FixPlan> {
  const outcome = await deps.planFix(recommendations);
  if (outcome.kind === "refusal") throw refused(outcome);
  return outcome;
}

/** Publishes on GitHub and records the outcome; a failure releases the reservation. */
async function publish(
  deps: OpenPullRequestDeps,
  reservation: Reservation,
  plan: FixPlan,
  recommendations: RecommendationToFix[],
  actor: string,
): Promise<OpenPullRequestResult> {
  const text = renderPullRequest(plan, recommendations);
  let published: PublishedPullRequest;
  try {
    published = await publishPullRequest(deps.github, { branch: reservation.branch, plan, text });
  } catch (error) {
    await release(deps.prisma, reservation.id);
    console.error(
      `[costlens] opening the pull request on branch ${reservation.branch} failed; reservation released:`,
      error,
    );
    const detail = error instanceof Error ? error.message : "unknown error";
    throw new PullRequestError("GITHUB", `GitHub did not open the pull request (${detail}). Try again.`, undefined, {
      cause: error,
    });
  }
  const ids = recommendations.map((r) => r.id);
  await deps.prisma.$transaction(async (tx) => {
    const before = await tx.recommendation.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    await tx.pullRequest.update({
      where: { id: reservation.id },
      data: {
        state: "OPEN",
        number: published.number,
        url: published.url,
        headSha: published.headSha,
        title: text.title,
        rootModule: plan.rootModule,
      },
      select: { id: true },
    });
    await tx.recommendation.updateMany({ where: { id: { in: ids }, status: "OPEN" }, data: { status: "IN_PROGRESS" } });
    await tx.auditEvent.create({
      data: {
        actor,
        action: "pull_request.open",
        entityType: "pull_request",
        entityId: reservation.id,
        before: { recommendations: before.map((r) => ({ id: r.id, status: r.status })) },
        after: {
          state: "OPEN",
          number: published.number,
          url: published.url,
          branch: reservation.branch,
          adopted: !published.created,
          recommendations: before.map((r) => ({ id: r.id, status: r.status === "OPEN" ? "IN_PROGRESS" : r.status })),
        },
      },
      select: { id: true },
    });
  });
  return { url: published.url, number: published.number, state: "OPEN", created: true };
}

/** Plans the fix for a reservation this request holds; a refusal or a planning failure releases it. */
async function planAndPublish(
  deps: OpenPullRequestDeps,
  reservation: Reservation,
  recommendations: RecommendationToFix[],
  actor: string,
): Promise<OpenPullRequestResult> {
  let plan: FixPlan;
  try {
    plan = await planOrRefuse(deps, recommendations);
  } catch (error) {
    await release(deps.prisma, reservation.id);
    if (error instanceof PullRequestError) throw error;
    console.error(`[costlens] planning the Terraform change for branch ${reservation.branch} failed:`, error);
    throw new PullRequestError(
      "PLANNING",
      "Working out the Terraform change failed while reading the repository or the Terraform state. The server log has the details; try again.",
      undefined,
      { cause: error },
    );
  }
  return publish(deps, reservation, plan, recommendations, actor);
}

export async function openPullRequest(
  deps: OpenPullRequestDeps,
  input: OpenPullRequestInput,
): Promise<OpenPullRequestResult> {
  const parsed = openPullRequestInputSchema.safeParse(input);
  if (!parsed.success) throw new PullRequestError("INVALID", parsed.error.issues[0]?.message ?? "invalid input");
  const { recommendationIds: ids, actor } = parsed.data;
  const { prisma } = deps;
  const waitMs = deps.waitMs ?? 20_000;
  const pollMs = deps.pollMs ?? 250;
  const staleMs = deps.staleMs ?? 3 * 60_000;
  const deadline = Date.now() + waitMs;
  // bumped when the branch name is taken by an older, closed pull request row (repo, branch is unique)
  let branchTaken = 0;

  for (;;) {
    const recommendations = await loadRecommendations(prisma, ids);
    const holders = await findHolders(prisma, ids);
    const holder = holders[0];
    if (holder) {
      const covers = holders.length === 1 && ids.every((id) => holder.recommendationIds.includes(id));
      if (!covers) {
        throw new PullRequestError(
          "CONFLICT",
          "Some of these recommendations are already in another pull request: open it, or pick the others",
        );
      }
      const existing = resultOf(holder);
      if (existing) return existing;
      if (await takeOver(prisma, holder, new Date(Date.now() - staleMs))) {
        // the reservation may hold more recommendations than this request named (a batch): publish them all
        const held = await loadRecommendations(prisma, holder.recommendationIds).catch(async (error: unknown) => {
          await release(prisma, holder.id);
          throw error;
        });
        return planAndPublish(deps, holder, held, actor);
      }
      if (Date.now() >= deadline) {
        throw new PullRequestError("BUSY", "The pull request is still being opened. Try again in a moment.");
      }
      await sleep(pollMs);
      continue;
    }

    const type = singleType(recommendations);
    const generation = (await previousPullRequestCount(prisma, ids)) + 1 + branchTaken;
    // reserved before planning, so that racing requests wait instead of all planning the same fix; the
    // root module and the final title are known once planned, and set when the pull request opens
    const reservation = await reserve(prisma, {
      repo: deps.github.fullName,
      branch: pullRequestBranch(type, recommendations, generation),
      title: pullRequestTitle({ type, rootModule: "" }, recommendations),
      type,
      rootModule: "",
      actor,
      items: recommendations.map((r) => ({ recommendationId: r.id, projectedSaving: r.monthlySaving })),
    });
    if (!reservation) {
      // lost the race: the next turn finds the winner's reservation and waits for it; with no winner to
      // find, the conflict was the branch name, so the next turn tries the next generation
      if ((await findHolders(prisma, ids)).length === 0 && ++branchTaken > 5) {
        throw new PullRequestError("CONFLICT", "No free branch name for this pull request: close the older ones");
      }
      continue;
    }
    return planAndPublish(deps, reservation, recommendations, actor);
  }
}
