// One commit holding every changed file, on a branch of its own, through the git data API: a blob per
// file, a tree on the base commit's tree, a commit whose parent is the base, and the branch ref. The branch
// name is deterministic, so a retry finds the branch it (or a crashed attempt) created: a branch whose tip
// already has the wanted tree is kept; one with other content is moved to the new commit.
import type { GitHubClient } from "./github-client";
import { GitHubCallError } from "./github-errors";
import { commitSchema, createdObjectSchema, refSchema } from "./github-schemas";

export interface FileWrite {
  path: string;
  content: string;
}

export interface BranchCommit {
  branch: string;
  /** the commit on the branch */
  sha: string;
  /** false when the branch already carried exactly this change */
  created: boolean;
}

/** The branch's tip, or undefined when the branch does not exist. */
export async function branchTip(github: GitHubClient, branch: string): Promise<string | undefined> {
  const { owner, repo } = github.repository;
  try {
    const ref = await github.call("git.getRef", refSchema, (octokit) =>
      octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` }),
    );
    return ref.object.sha;
  } catch (error) {
    if (error instanceof GitHubCallError && error.status === 404) return undefined;
    throw error;
  }
}

async function writeTree(github: GitHubClient, baseSha: string, files: FileWrite[]): Promise<string> {
  const { owner, repo } = github.repository;
  const base = await github.call("git.getCommit", commitSchema, (octokit) =>
    octokit.rest.git.getCommit({ owner, repo, commit_sha: baseSha }),
  );
  const entries: { path: string; mode: "100644"; type: "blob"; sha: string }[] = [];
  for (const file of files) {
    // base64 keeps the bytes exact (CRLF files, non-ASCII comments)
    const blob = await github.call("git.createBlob", createdObjectSchema, (octokit) =>
      octokit.rest.git.createBlob({
        owner,
        repo,
        content: Buffer.from(file.content, "utf8").toString("base64"),
        encoding: "base64",
      }),
    );
    entries.push({ path: file.path, mode: "100644", type: "blob", sha: blob.sha });
  }
  const tree = await github.call("git.createTree", createdObjectSchema, (octokit) =>
    octokit.rest.git.createTree({ owner, repo, base_tree: base.tree.sha, tree: entries }),
  );
  return tree.sha;
}

export async function commitToBranch(
  github: GitHubClient,
  input: { branch: string; baseSha: string; files: FileWrite[]; message: string },
): Promise<BranchCommit> {
  const { owner, repo } = github.repository;
  const treeSha = await writeTree(github, input.baseSha, input.files);
  const existing = await branchTip(github, input.branch);
  if (existing) {
    const tip = await github.call("git.getCommit", commitSchema, (octokit) =>
      octokit.rest.git.getCommit({ owner, repo, commit_sha: existing }),
    );
    if (tip.tree.sha === treeSha) return { branch: input.branch, sha: existing, created: false };
  }
  const commit = await github.call("git.createCommit", createdObjectSchema, (octokit) =>
    octokit.rest.git.createCommit({ owner, repo, message: input.message, tree: treeSha, parents: [input.baseSha] }),
  );
  if (existing) {
    // A leftover of an attempt against an older base: this branch belongs to CostLens, so it is moved.
    await github.call("git.updateRef", refSchema, (octokit) =>
      octokit.rest.git.updateRef({ owner, repo, ref: `heads/${input.branch}`, sha: commit.sha, force: true }),
    );
  } else {
    await github.call("git.createRef", refSchema, (octokit) =>
      octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${input.branch}`, sha: commit.sha }),
    );
  }
  return { branch: input.branch, sha: commit.sha, created: true };
}
