// The GitHub half: the fix committed on the reserved branch and the pull request opened (or adopted, when
// an earlier attempt got that far before it failed or its process died).
import { commitToBranch } from "../git/commit-to-branch";
import type { GitHubClient } from "../git/github-client";
import {
  defaultBranch,
  findOpenPullRequest,
  openPullRequestForBranch,
  type LabelSpec,
} from "../git/open-github-pull-request";
import type { FixPlan } from "../terraform/fix-plan";
import type { PullRequestText } from "./pull-request-text";

export interface PublishedPullRequest {
  number: number;
  url: string;
  headSha: string;
  /** false when an open pull request for the branch already existed and was adopted */
  created: boolean;
}

const LABEL_LOOK: Record<string, Omit<LabelSpec, "name">> = {
  costlens: { color: "5319e7", description: "Opened by CostLens" },
  "cost-saving": { color: "0e8a16", description: "Lowers the AWS bill" },
};

function labelSpecs(names: string[]): LabelSpec[] {
  return names.map((name) => ({
    name,
    ...(LABEL_LOOK[name] ?? { color: "fbca04", description: `CostLens recommendation type ${name}` }),
  }));
}

export async function publishPullRequest(
  github: GitHubClient,
  input: { branch: string; plan: FixPlan; text: PullRequestText },
): Promise<PublishedPullRequest> {
  const labels = labelSpecs(input.text.labels);
  const adopted = await findOpenPullRequest(github, input.branch);
  if (!adopted) {
    await commitToBranch(github, {
      branch: input.branch,
      baseSha: input.plan.baseSha,
      files: input.plan.files.map((file) => ({ path: file.path, content: file.content })),
      message: input.text.commitMessage,
    });
  }
  const { pull, created } = await openPullRequestForBranch(github, {
    branch: input.branch,
    base: await defaultBranch(github),
    title: input.text.title,
    body: input.text.body,
    labels,
  });
  return { number: pull.number, url: pull.html_url, headSha: pull.head.sha, created };
}
