// The pull-request flow wired to this process's configuration: the database, the GitHub client for
// TERRAFORM_REPO and the Terraform planner. What the route handlers call.
import type { PrismaClient } from "../db/generated/client";
import { createGitHubClient } from "../git/github-client";
import { openPullRequest, type OpenPullRequestResult } from "./open-pull-request";
import { terraformFixPlanner } from "./terraform-fix-planner";

export async function openPullRequestFromDashboard(
  prisma: PrismaClient,
  input: { recommendationIds: string[]; actor: string },
): Promise<OpenPullRequestResult> {
  const github = createGitHubClient();
  return openPullRequest({ prisma, github, planFix: terraformFixPlanner(prisma, github) }, input);
}
