// Opening a pull request for a branch, once: an open pull request whose head is the branch is adopted
// (a retry after a timeout, or a crashed attempt that got as far as GitHub); otherwise one is created, and
// GitHub's "already exists" answer to a race is resolved the same way. Labels are created with a colour
// and description when the repository lacks them, then put on the pull request.
import { z } from "zod";
import type { GitHubClient } from "./github-client";
import { GitHubCallError } from "./github-errors";
import {
  emptySchema,
  labelSchema,
  pullRequestSchema,
  repositorySchema,
  type GitHubPullRequest,
} from "./github-schemas";

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

export async function defaultBranch(github: GitHubClient): Promise<string> {
  const { owner, repo } = github.repository;
  const repository = await github.call("repos.get", repositorySchema, (octokit) =>
    octokit.rest.repos.get({ owner, repo }),
  );
  return repository.default_branch;
}

/** The open pull request whose head is `branch`, if any. */
export async function findOpenPullRequest(
  github: GitHubClient,
  branch: string,
): Promise<GitHubPullRequest | undefined> {
  const { owner, repo } = github.repository;
  const pulls = await github.call("pulls.list", z.array(pullRequestSchema), (octokit) =>
    octokit.rest.pulls.list({ owner, repo, state: "open", head: `${owner}:${branch}`, per_page: 10 }),
  );
  return pulls.find((pull) => pull.head.ref === branch);
}

export async function ensureLabels(github: GitHubClient, labels: LabelSpec[]): Promise<void> {
  const { owner, repo } = github.repository;
  const existing = await github.call("issues.listLabelsForRepo", z.array(labelSchema), (octokit) =>
    octokit.paginate(octokit.rest.issues.listLabelsForRepo, { owner, repo, per_page: 100 }).then((data) => ({ data })),
  );
  const known = new Set(existing.map((label) => label.name.toLowerCase()));
  for (const label of labels) {
    if (known.has(label.name.toLowerCase())) continue;
    try {
      await github.call("issues.createLabel", labelSchema, (octokit) =>
        octokit.rest.issues.createLabel({ owner, repo, ...label }),
      );
    } catch (error) {
      // another request created it in between: that is the outcome wanted
      if (!(error instanceof GitHubCallError && error.status === 422)) throw error;
    }
  }
}

export async function openPullRequestForBranch(
  github: GitHubClient,
  input: { branch: string; base: string; title: string; body: string; labels: LabelSpec[] },
): Promise<{ pull: GitHubPullRequest; created: boolean }> {
  const { owner, repo } = github.repository;
  let pull = await findOpenPullRequest(github, input.branch);
  let created = false;
  if (!pull) {
    try {
      pull = await github.call("pulls.create", pullRequestSchema, (octokit) =>
        octokit.rest.pulls.create({
          owner,
          repo,
          head: input.branch,
          base: input.base,
          title: input.title,
          body: input.body,
        }),
      );
      created = true;
    } catch (error) {
      if (!(error instanceof GitHubCallError && error.status === 422)) throw error;
      pull = await findOpenPullRequest(github, input.branch);
      if (!pull) throw error;
    }
  }
  const missing = input.labels.filter((label) => !pull.labels.some((on) => on.name === label.name));
  if (missing.length > 0) {
    await ensureLabels(github, missing);
    await github.call("issues.addLabels", emptySchema, (octokit) =>
      octokit.rest.issues.addLabels({ owner, repo, issue_number: pull.number, labels: missing.map((l) => l.name) }),
    );
  }
  return { pull, created };
}
