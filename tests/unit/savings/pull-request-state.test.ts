import { describe, expect, it } from "vitest";
import { gitHubPullSchema, observePullRequest } from "@/lib/git/pull-request-state";

const base = {
  number: 12,
  html_url: "https://github.example/acme-shop/infrastructure/pull/12",
  state: "open",
  merged_at: null,
  closed_at: null,
  merge_commit_sha: "test-merge-sha",
  head: { sha: "abc123", ref: "costlens/zombie-i-0abc" },
  base: { repo: { full_name: "acme-shop/infrastructure" } },
};

describe("observePullRequest", () => {
  it("reads an open pull request, ignoring GitHub's test merge commit", () => {
    expect(observePullRequest(gitHubPullSchema.parse(base))).toMatchObject({
      repo: "acme-shop/infrastructure",
      number: 12,
      state: "OPEN",
      mergeCommitSha: null,
      headSha: "abc123",
    });
  });

  it("reads a merge from merged_at alone, as webhook payloads may carry it", () => {
    const pull = gitHubPullSchema.parse({
      ...base,
      state: "closed",
      merged_at: "2026-11-20T10:00:00Z",
      closed_at: "2026-11-20T10:00:00Z",
      merge_commit_sha: "merged-sha",
    });
    expect(observePullRequest(pull)).toMatchObject({
      state: "MERGED",
      mergedAt: new Date("2026-11-20T10:00:00Z"),
      mergeCommitSha: "merged-sha",
    });
  });

  it("reads a close without merge", () => {
    const pull = gitHubPullSchema.parse({ ...base, state: "closed", merged: false, closed_at: "2026-11-20T10:00:00Z" });
    expect(observePullRequest(pull)).toMatchObject({ state: "CLOSED", mergedAt: null, mergeCommitSha: null });
  });

  it("refuses a payload without the fields tracking needs", () => {
    expect(gitHubPullSchema.safeParse({ ...base, head: undefined }).success).toBe(false);
  });
});
