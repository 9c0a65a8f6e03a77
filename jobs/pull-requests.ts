import { createGitHubClient, type GitHubClient } from "../lib/git/github-client";
import { jobCatalog } from "../lib/jobs/job-catalog";
import type { JobDefinition } from "../lib/jobs/job-definition";
import { fetchPullWith, syncPullRequests, type FetchPull } from "../lib/savings/sync-pull-requests";
import { trackSavings } from "../lib/savings/track-savings";

/** Pull request states from GitHub, then the savings ledger: merged fixes resolve, then realise. */
export const pullRequestsJob: JobDefinition = {
  ...jobCatalog.pullRequests,
  async run(context) {
    // The client is made on first use: with no open pull request the ledger step needs no GitHub access.
    let github: GitHubClient | undefined;
    const fetchPull: FetchPull = (repo, number) => fetchPullWith((github ??= createGitHubClient()))(repo, number);
    const sync = await syncPullRequests(context.prisma, { fetchPull, signal: context.signal });
    context.countRequests(sync.checked);
    context.log(`Pull requests: ${sync.checked} open checked, ${sync.changed.length} changed state`);
    for (const change of sync.changed)
      context.log(`Pull requests: ${change.pullRequestId} ${change.from} -> ${change.to}`);
    for (const stale of sync.staleOpening)
      context.log(
        `Pull requests: ${stale.repo} branch ${stale.branch} untouched in state OPENING since ${stale.since.toISOString()} ` +
          "(the next click on its recommendation takes the reservation over)",
      );
    const ledger = await trackSavings(context.prisma);
    context.countRows(sync.changed.length + ledger.resolved.length + ledger.realised.length);
    context.log(
      `Savings: ${ledger.resolved.length} resolved, ${ledger.realised.length} realised, ${ledger.waiting.length} waiting`,
    );
    for (const waiting of ledger.waiting)
      context.log(`Savings: recommendation ${waiting.recommendationId} not realised yet: ${waiting.reason}`);
    for (const realised of ledger.realised)
      context.log(
        `Savings: recommendation ${realised.recommendationId} realised ${realised.monthlySaving} USD a month`,
      );
    if (sync.failed.length > 0)
      throw new Error(
        `Syncing ${sync.failed.length} of ${sync.checked} pull requests failed: ${sync.failed.map((f) => f.error).join("; ")}`,
      );
  },
};
