// The Terraform repository read through the GitHub API: the default branch's head (repos.get, then
// git.getRef), the files of a commit (one recursive git.getTree; a truncated answer is walked tree by tree)
// and their text (git.getBlob). The listing of a commit is kept, since a commit never changes and every
// readFile needs a path's blob sha.
import type { RepositoryHead, TerraformRepositorySource } from "../terraform/repository/repository-source";
import type { GitHubClient } from "./github-client";
import { GitHubCallError } from "./github-errors";
import { blobSchema, commitSchema, refSchema, repositorySchema, treeSchema } from "./github-schemas";

type Blobs = Map<string, string>;

export class GitHubRepositorySource implements TerraformRepositorySource {
  private readonly listings = new Map<string, Promise<Blobs>>();

  constructor(private readonly github: GitHubClient) {}

  async headCommit(): Promise<RepositoryHead> {
    const { owner, repo } = this.github.repository;
    const { default_branch: branch } = await this.github.call("repos.get", repositorySchema, (octokit) =>
      octokit.rest.repos.get({ owner, repo }),
    );
    const ref = await this.github.call("git.getRef", refSchema, (octokit) =>
      octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` }),
    );
    return { branch, sha: ref.object.sha };
  }

  async listFiles(sha: string): Promise<string[]> {
    const blobs = await this.blobsAt(sha);
    return [...blobs.keys()].filter((path) => path.endsWith(".tf")).sort();
  }

  async readFile(sha: string, path: string): Promise<string> {
    const blobSha = (await this.blobsAt(sha)).get(path);
    if (!blobSha) throw new GitHubCallError("git.getBlob", 404, `${path} does not exist at ${sha.slice(0, 12)}`);
    const { owner, repo } = this.github.repository;
    const blob = await this.github.call("git.getBlob", blobSchema, (octokit) =>
      octokit.rest.git.getBlob({ owner, repo, file_sha: blobSha }),
    );
    return blob.encoding === "base64" ? Buffer.from(blob.content, "base64").toString("utf8") : blob.content;
  }

  private blobsAt(sha: string): Promise<Blobs> {
    let listing = this.listings.get(sha);
    if (!listing) {
      listing = this.listBlobs(sha);
      listing.catch(() => this.listings.delete(sha));
      this.listings.set(sha, listing);
    }
    return listing;
  }

  private async listBlobs(commitSha: string): Promise<Blobs> {
    const { owner, repo } = this.github.repository;
    const commit = await this.github.call("git.getCommit", commitSchema, (octokit) =>
      octokit.rest.git.getCommit({ owner, repo, commit_sha: commitSha }),
    );
    const blobs: Blobs = new Map();
    const full = await this.getTree(commit.tree.sha, true);
    if (!full.truncated) {
      for (const entry of full.tree) if (entry.type === "blob") blobs.set(entry.path, entry.sha);
      return blobs;
    }
    // GitHub truncates a recursive listing past 100,000 entries: walk one directory at a time instead.
    const pending: { prefix: string; sha: string }[] = [{ prefix: "", sha: commit.tree.sha }];
    for (let next = pending.pop(); next; next = pending.pop()) {
      const level = await this.getTree(next.sha, false);
      for (const entry of level.tree) {
        const path = `${next.prefix}${entry.path}`;
        if (entry.type === "blob") blobs.set(path, entry.sha);
        else if (entry.type === "tree") pending.push({ prefix: `${path}/`, sha: entry.sha });
      }
    }
    return blobs;
  }

  private getTree(treeSha: string, recursive: boolean) {
    const { owner, repo } = this.github.repository;
    return this.github.call("git.getTree", treeSchema, (octokit) =>
      octokit.rest.git.getTree({ owner, repo, tree_sha: treeSha, ...(recursive ? { recursive: "1" } : {}) }),
    );
  }
}
