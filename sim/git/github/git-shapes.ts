// GitHub's JSON for git objects: refs, commits, trees.
import type { CommitObject, TreeEntry } from "../objects";
import type { Urls } from "./call";

export function refShape(urls: Urls, ref: string, sha: string) {
  return {
    ref,
    node_id: `REF_${Buffer.from(ref).toString("base64url")}`,
    url: `${urls.repoApi}/git/${ref}`,
    object: { sha, type: "commit", url: `${urls.repoApi}/git/commits/${sha}` },
  };
}

export function commitShape(urls: Urls, commit: CommitObject) {
  return {
    sha: commit.sha,
    node_id: `C_${commit.sha.slice(0, 16)}`,
    url: `${urls.repoApi}/git/commits/${commit.sha}`,
    html_url: `${urls.html}/commit/${commit.sha}`,
    author: commit.author,
    committer: commit.committer,
    message: commit.message.replace(/\n$/, ""),
    tree: { sha: commit.tree, url: `${urls.repoApi}/git/trees/${commit.tree}` },
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${urls.repoApi}/git/commits/${sha}`,
      html_url: `${urls.html}/commit/${sha}`,
    })),
    verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
  };
}

function treeEntryShape(urls: Urls, entry: TreeEntry) {
  return {
    path: entry.path,
    mode: entry.mode,
    type: entry.type,
    sha: entry.sha,
    ...(entry.size === undefined ? {} : { size: entry.size }),
    url: `${urls.repoApi}/git/${entry.type === "tree" ? "trees" : "blobs"}/${entry.sha}`,
  };
}

export function treeShape(urls: Urls, sha: string, entries: TreeEntry[]) {
  return {
    sha,
    url: `${urls.repoApi}/git/trees/${sha}`,
    tree: entries.map((entry) => treeEntryShape(urls, entry)),
    truncated: false,
  };
}
