// The one place a pull request's GitHub state is written, for the poller and the webhook alike. It is
// idempotent (a redelivered event or a second poll changes nothing and audits nothing) and safe against the
// two racing: the state moves with a compare-and-set on the stored state.
// - merged or closed: its items' open_key is cleared, so a new pull request can be opened for them later
// - merged: its recommendations are IN_PROGRESS until the inventory shows the fix (resolve-merged-...)
// - closed unmerged: its recommendations still IN_PROGRESS go back to OPEN (a dismissal since stands)
// - reopened: the items take their open_key back where no other pull request holds it meanwhile, and their
//   OPEN recommendations are IN_PROGRESS again
// Rows still OPENING belong to the flow that is opening them: they are left alone.
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { PullRequestState } from "../db/generated/enums";
import type { ObservedPullRequest } from "../git/pull-request-state";

export type ApplyOutcome =
  | { kind: "untracked" }
  | { kind: "opening"; pullRequestId: string }
  | { kind: "unchanged"; pullRequestId: string; state: PullRequestState }
  | { kind: "changed"; pullRequestId: string; from: PullRequestState; to: PullRequestState };

export interface ApplyOptions {
  actor?: string;
  now?: Date;
}

type Tx = Prisma.TransactionClient;

const AUDIT_ACTION = { OPEN: "pull_request.reopened", MERGED: "pull_request.merged", CLOSED: "pull_request.closed" };

async function releaseItems(tx: Tx, pullRequestId: string, state: "MERGED" | "CLOSED"): Promise<void> {
  await tx.pullRequestRecommendation.updateMany({ where: { pullRequestId }, data: { openKey: null } });
  // Merged: the fix awaits resolution, even if a missed reopen left a recommendation OPEN.
  const [from, to] = state === "CLOSED" ? (["IN_PROGRESS", "OPEN"] as const) : (["OPEN", "IN_PROGRESS"] as const);
  await tx.recommendation.updateMany({
    where: { status: from, pullRequests: { some: { pullRequestId } } },
    data: { status: to },
  });
}

/** Reopened: each item takes its key back unless another pull request opened for it in the meantime. */
async function reclaimItems(tx: Tx, pullRequestId: string): Promise<string[]> {
  const items = await tx.pullRequestRecommendation.findMany({
    where: { pullRequestId },
    select: { recommendationId: true },
  });
  const held = await tx.pullRequestRecommendation.findMany({
    where: { openKey: { in: items.map((i) => i.recommendationId) }, NOT: { pullRequestId } },
    select: { openKey: true },
  });
  const heldElsewhere = new Set(held.map((h) => h.openKey));
  const reclaimed = items.map((i) => i.recommendationId).filter((id) => !heldElsewhere.has(id));
  for (const recommendationId of reclaimed) {
    await tx.pullRequestRecommendation.update({
      where: { pullRequestId_recommendationId: { pullRequestId, recommendationId } },
      data: { openKey: recommendationId },
      select: { pullRequestId: true },
    });
  }
  await tx.recommendation.updateMany({
    where: { id: { in: reclaimed }, status: "OPEN" },
    data: { status: "IN_PROGRESS" },
  });
  return [...heldElsewhere].filter((key): key is string => key !== null);
}

export async function applyPullRequestState(
  prisma: PrismaClient,
  observed: ObservedPullRequest,
  options: ApplyOptions = {},
): Promise<ApplyOutcome> {
  const now = options.now ?? new Date();
  const actor = options.actor ?? "github";
  return prisma.$transaction(async (tx) => {
    const stored = await tx.pullRequest.findUnique({
      where: { repo_number: { repo: observed.repo, number: observed.number } },
      select: { id: true, state: true, url: true, mergedAt: true, closedAt: true, mergeCommitSha: true, headSha: true },
    });
    if (!stored) return { kind: "untracked" };
    if (stored.state === "OPENING") return { kind: "opening", pullRequestId: stored.id };
    // A merge is final: a late "closed" or "reopened" delivery about it changes nothing.
    const to = stored.state === "MERGED" ? "MERGED" : observed.state;
    const facts =
      to === "MERGED" && stored.state === "MERGED"
        ? { mergedAt: stored.mergedAt ?? observed.mergedAt, closedAt: stored.closedAt ?? observed.closedAt }
        : { mergedAt: observed.mergedAt, closedAt: observed.closedAt };
    const data = {
      state: to,
      url: observed.url,
      mergedAt: facts.mergedAt,
      closedAt: facts.closedAt,
      mergeCommitSha: to === "MERGED" ? (observed.mergeCommitSha ?? stored.mergeCommitSha) : null,
      headSha: observed.headSha,
      lastSyncedAt: now,
    };
    const written = await tx.pullRequest.updateMany({ where: { id: stored.id, state: stored.state }, data });
    // Unchanged state (a redelivery, a second poll) is not audited; when another writer moved the state first,
    // its write stands and it audited the change.
    if (written.count === 0 || stored.state === to) return { kind: "unchanged", pullRequestId: stored.id, state: to };
    let keysHeldElsewhere: string[] = [];
    if (to === "MERGED" || to === "CLOSED") await releaseItems(tx, stored.id, to);
    else if (to === "OPEN") keysHeldElsewhere = await reclaimItems(tx, stored.id);
    await tx.auditEvent.create({
      data: {
        actor,
        action: AUDIT_ACTION[to],
        entityType: "pull_request",
        entityId: stored.id,
        before: { state: stored.state, mergedAt: stored.mergedAt?.toISOString() ?? null },
        after: {
          state: to,
          mergedAt: data.mergedAt?.toISOString() ?? null,
          closedAt: data.closedAt?.toISOString() ?? null,
          mergeCommitSha: data.mergeCommitSha,
          ...(keysHeldElsewhere.length > 0 ? { recommendationsOpenElsewhere: keysHeldElsewhere } : {}),
        },
      },
      select: { id: true },
    });
    return { kind: "changed", pullRequestId: stored.id, from: stored.state, to };
  });
}
