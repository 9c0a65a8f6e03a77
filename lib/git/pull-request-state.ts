// What CostLens keeps of a GitHub pull request's state, read from the REST answer (pulls.get) or from a
// `pull_request` webhook delivery: both carry the same pull request object. Only the fields the tracking
// needs are parsed; anything else GitHub adds is ignored.
import { z } from "zod";
import type { PullRequestState } from "../db/generated/enums";

const timestamp = z.iso.datetime({ offset: true });

export const gitHubPullSchema = z.object({
  number: z.number().int().positive(),
  html_url: z.string().url(),
  state: z.enum(["open", "closed"]),
  merged: z.boolean().nullish(),
  merged_at: timestamp.nullish(),
  closed_at: timestamp.nullish(),
  merge_commit_sha: z.string().nullish(),
  head: z.object({ sha: z.string().min(1), ref: z.string().min(1) }),
  base: z.object({ repo: z.object({ full_name: z.string().min(1) }) }),
});

export type GitHubPull = z.infer<typeof gitHubPullSchema>;

/** The tracked facts of one pull request, as GitHub reports them now. */
export interface ObservedPullRequest {
  repo: string;
  number: number;
  url: string;
  state: Extract<PullRequestState, "OPEN" | "MERGED" | "CLOSED">;
  mergedAt: Date | null;
  closedAt: Date | null;
  mergeCommitSha: string | null;
  headSha: string;
}

export function observePullRequest(pull: GitHubPull): ObservedPullRequest {
  // pulls.get says `merged`; a webhook payload may only carry merged_at: either one means merged.
  const merged = pull.merged === true || Boolean(pull.merged_at);
  const state = pull.state === "open" ? "OPEN" : merged ? "MERGED" : "CLOSED";
  return {
    repo: pull.base.repo.full_name,
    number: pull.number,
    url: pull.html_url,
    state,
    mergedAt: merged && pull.merged_at ? new Date(pull.merged_at) : null,
    closedAt: state !== "OPEN" && pull.closed_at ? new Date(pull.closed_at) : null,
    // GitHub fills merge_commit_sha with a test merge while a pull request is open: it means something only
    // once merged.
    mergeCommitSha: merged ? (pull.merge_commit_sha ?? null) : null,
    headSha: pull.head.sha,
  };
}
