// Where the Terraform configuration is read from: the GitHub API, or a local clone. Everything that
// locates blocks or plans a fix reads files through this interface at one commit, so an index and the
// plan built from it always agree on the text they saw.

/** The default branch and the commit it points at. */
export interface RepositoryHead {
  branch: string;
  sha: string;
}

export interface TerraformRepositorySource {
  /** the default branch and its head commit */
  headCommit(): Promise<RepositoryHead>;
  /** repository-relative paths of every `.tf` file at that commit, e.g. "envs/prod/compute.tf" */
  listFiles(sha: string): Promise<string[]>;
  /** the text of one file at that commit; throws when the file does not exist there */
  readFile(sha: string, path: string): Promise<string>;
}
