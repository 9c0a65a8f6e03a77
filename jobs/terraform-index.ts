import { getConfig } from "../lib/config/env";
import { createGitHubClient, parseRepository } from "../lib/git/github-client";
import { GitHubRepositorySource } from "../lib/git/github-repository-source";
import { jobCatalog } from "../lib/jobs/job-catalog";
import type { JobDefinition } from "../lib/jobs/job-definition";
import { refreshTerraformIndex } from "../lib/terraform/index/refresh-terraform-index";
import { localRepositorySourceFromConfig, stateSourceFromConfig } from "../lib/terraform/terraform-sources";

/** The Terraform index (AWS id -> resource address and block), rebuilt when the branch or a state moved. */
export const terraformIndexJob: JobDefinition = {
  ...jobCatalog.terraformIndex,
  async run(context) {
    const config = getConfig();
    const states = stateSourceFromConfig(config);
    if (!config.TERRAFORM_REPO || !states) {
      context.log(
        "Terraform index: skipped, no Terraform configured (set TERRAFORM_REPO and TERRAFORM_STATE_BUCKET or TERRAFORM_STATE_DIR)",
      );
      return;
    }
    const { owner, repo } = parseRepository(config.TERRAFORM_REPO);
    // A local clone is read when there is one; GitHub credentials are needed only without it.
    const source = localRepositorySourceFromConfig(config) ?? new GitHubRepositorySource(createGitHubClient(config));
    const refresh = await refreshTerraformIndex(context.prisma, { repo: `${owner}/${repo}`, source, states });
    const entries = Object.keys(refresh.index.entries).length;
    context.countRows(refresh.annotated + (refresh.rebuilt ? 1 : 0));
    context.log(
      `Terraform index: ${refresh.rebuilt ? "rebuilt" : "unchanged"} at ${refresh.index.branch}@${refresh.index.commitSha.slice(0, 12)}, ` +
        `${entries} resources mapped, ${refresh.annotated} recommendations annotated`,
    );
  },
};
