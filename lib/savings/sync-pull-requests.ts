// The poller: asks GitHub for every pull request CostLens believes open and applies what it says, the same
// way a webhook delivery would (applyPullRequestState). Reservations stuck in OPENING are only reported:
// taking them over belongs to the flow that opens pull requests.
import type { PrismaClient } from "../db/generated/client";
import { parseRepository, type GitHubClient } from "../git/github-client";
import { gitHubPullSchema, observePullRequest, type GitHubPull } from "../git/pull-request-state";
import { applyPullRequestState } from "./apply-pull-request-state";

/** pulls.get for one pull request, its answer parsed with gitHubPullSchema. */
export type FetchPull = (repo: string, number: number) => Promise<GitHubPull>;

/** pulls.get through the GitHub client (retries, errors naming the operation, the answer parsed). */
export function fetchPullWith(github: GitHubClient): FetchPull {
  return (repo, number) =>
    github.call("pulls.get", gitHubPullSchema, (octokit) =>
      octokit.pulls.get({ ...parseRepository(repo), pull_number: number }),
    );
}

export interface SyncOptions {
  fetchPull: FetchPull;
  now?: Date;
  /** an OPENING row untouched for this long is reported as stuck (the opening flow takes such rows over) */
  openingStaleAfterMs?: number;
  signal?: AbortSignal;
}

export interface SyncSummary {
  checked: number;
  changed: { pullRequestId: string; from: string; to: string }[];
  failed: { pullRequestId: string; error: string }[];
  staleOpening: { pullRequestId: string; repo: string; branch: string; since: Date }[];
}

const DEFAULT_OPENING_STALE_MS = 5 * 60_000;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function syncPullRequests(prisma: PrismaClient, options: SyncOptions): Promise<SyncSummary> {
  const now = options.now ?? new Date();
  const summary: SyncSummary = { checked: 0, changed: [], failed: [], staleOpening: [] };
  const open = await prisma.pullRequest.findMany({
    where: { state: "OPEN", number: { not: null } },
    select: { id: true, repo: true, number: true },
    orderBy: { createdAt: "asc" },
  });
  for (const pr of open) {
    options.signal?.throwIfAborted();
    summary.checked++;
    try {
      const pull = await options.fetchPull(pr.repo, pr.number!);
      // The stored repo is authoritative: a renamed or transferred repository still finds its row.
      const observed = { ...observePullRequest(pull), repo: pr.repo };
      const outcome = await applyPullRequestState(prisma, observed, { now });
      if (outcome.kind === "changed")
        summary.changed.push({ pullRequestId: pr.id, from: outcome.from, to: outcome.to });
    } catch (error) {
      summary.failed.push({ pullRequestId: pr.id, error: `${pr.repo}#${pr.number}: ${describe(error)}` });
    }
  }
  const staleBefore = new Date(now.getTime() - (options.openingStaleAfterMs ?? DEFAULT_OPENING_STALE_MS));
  const stale = await prisma.pullRequest.findMany({
    where: { state: "OPENING", updatedAt: { lt: staleBefore } },
    select: { id: true, repo: true, branch: true, updatedAt: true },
    orderBy: { updatedAt: "asc" },
  });
  summary.staleOpening = stale.map((s) => ({
    pullRequestId: s.id,
    repo: s.repo,
    branch: s.branch,
    since: s.updatedAt,
  }));
  return summary;
}
