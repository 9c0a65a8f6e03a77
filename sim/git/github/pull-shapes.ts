// GitHub's JSON for pull requests and labels.
import type { Label, PullRecord } from "../pull-store";
import type { Urls } from "./call";
import { REPO_OWNER, ownerShape, repoShape } from "./identity";

export function labelShape(urls: Urls, label: Label) {
  return {
    id: 9000 + [...label.name].reduce((sum, c) => sum + c.charCodeAt(0), 0),
    node_id: `LA_${Buffer.from(label.name).toString("base64url")}`,
    url: `${urls.repoApi}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description,
  };
}

export interface PullDetail {
  headSha: string;
  merged: boolean;
  mergeable: boolean | null;
  commits: number;
  additions: number;
  deletions: number;
  changedFiles: number;
}

export function pullShape(urls: Urls, pull: PullRecord, labels: Label[], detail?: PullDetail) {
  const api = urls.api;
  const self = `${urls.repoApi}/pulls/${pull.number}`;
  const html = `${urls.html}/pull/${pull.number}`;
  const side = (ref: string, sha: string) => ({
    label: `${REPO_OWNER}:${ref}`,
    ref,
    sha,
    user: ownerShape(REPO_OWNER, api),
    repo: repoShape(api),
  });
  const shape = {
    url: self,
    id: 100000 + pull.number,
    node_id: `PR_${pull.number}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${urls.repoApi}/issues/${pull.number}`,
    commits_url: `${self}/commits`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: ownerShape(pull.user, api),
    body: pull.body,
    labels: pull.labels.map((name) =>
      labelShape(urls, labels.find((l) => l.name === name) ?? { name, color: "ededed", description: null }),
    ),
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.head, detail?.headSha ?? pull.headSha),
    base: side(pull.base, pull.baseSha),
    _links: { self: { href: self }, html: { href: html }, issue: { href: `${urls.repoApi}/issues/${pull.number}` } },
    author_association: "MEMBER",
    auto_merge: null,
    draft: pull.draft,
  };
  if (!detail) return shape;
  return {
    ...shape,
    merged: detail.merged,
    mergeable: detail.mergeable,
    rebaseable: detail.mergeable,
    mergeable_state: detail.merged || pull.state === "closed" ? "unknown" : detail.mergeable ? "clean" : "dirty",
    merged_by: pull.mergedBy ? ownerShape(pull.mergedBy, api) : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: detail.commits,
    additions: detail.additions,
    deletions: detail.deletions,
    changed_files: detail.changedFiles,
  };
}
