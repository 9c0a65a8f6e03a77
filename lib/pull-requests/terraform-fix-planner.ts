// The planner the pull-request flow uses in production: the repository read from the local clone when
// TERRAFORM_REPO_DIR is set (faster; pull requests still go to GitHub) or else through the GitHub API, the
// states from the S3 backend bucket or TERRAFORM_STATE_DIR, the index brought up to date (rebuilt only when
// the default branch or a state moved), then lib/terraform's planFix against the index's commit.
import { getConfig, type Config } from "../config/env";
import type { PrismaClient } from "../db/generated/client";
import type { GitHubClient } from "../git/github-client";
import { GitHubRepositorySource } from "../git/github-repository-source";
import { currentTerraformIndex, type TerraformIndexDeps } from "../terraform/index/refresh-terraform-index";
import { fixInputFromRecommendation } from "../terraform/plan/fix-input";
import { planFix } from "../terraform/plan/plan-fix";
import { noConfiguration } from "../terraform/plan/resolve-entries";
import { localRepositorySourceFromConfig, stateSourceFromConfig } from "../terraform/terraform-sources";
import type { FixPlanner } from "./open-pull-request";
import { isUniqueViolation } from "./reservation";

/** Two requests rebuilding a stale index at once both save it; the loser's insert collides, and reads the winner's. */
async function indexFor(prisma: PrismaClient, deps: TerraformIndexDeps) {
  try {
    return (await currentTerraformIndex(prisma, deps)).index;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await currentTerraformIndex(prisma, deps)).index;
  }
}

export function terraformFixPlanner(
  prisma: PrismaClient,
  github: GitHubClient,
  config: Config = getConfig(),
): FixPlanner {
  return async (recommendations) => {
    const states = stateSourceFromConfig(config);
    if (!states) return noConfiguration();
    const source = localRepositorySourceFromConfig(config) ?? new GitHubRepositorySource(github);
    const index = await indexFor(prisma, { repo: github.fullName, source, states });
    const inputs = recommendations.map((recommendation) => fixInputFromRecommendation(recommendation));
    return planFix(inputs, { index, source, baseSha: index.commitSha });
  };
}
