// Where the Terraform state and configuration are read from, as the environment says: the S3 backend
// bucket or a state directory; a local clone when TERRAFORM_REPO_DIR is set (the GitHub API source lives
// with the pull-request code, lib/git).
import type { Config } from "../config/env";
import { localGitRepositorySource } from "./repository/local-git-source";
import type { TerraformRepositorySource } from "./repository/repository-source";
import { directoryStateSource, s3StateSource, type StateSource } from "./state/read-states";
import { createS3Client } from "./state/s3-client";

export function stateSourceFromConfig(config: Config): StateSource | undefined {
  if (config.TERRAFORM_STATE_BUCKET)
    return s3StateSource(createS3Client({ region: config.AWS_REGION }), config.TERRAFORM_STATE_BUCKET);
  if (config.TERRAFORM_STATE_DIR) return directoryStateSource(config.TERRAFORM_STATE_DIR);
  return undefined;
}

export function localRepositorySourceFromConfig(config: Config): TerraformRepositorySource | undefined {
  return config.TERRAFORM_REPO_DIR ? localGitRepositorySource(config.TERRAFORM_REPO_DIR) : undefined;
}
