// Builds a tree from a base tree and a list of path changes the way GitHub's "create a tree" does (nested
// paths, deletions with a null sha), through a throwaway index so the repository's own state is untouched.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runGit } from "./run-git";

export interface TreeChange {
  path: string;
  mode: string;
  /** Blob or tree sha; null deletes the path. */
  sha: string | null;
  type: "blob" | "tree" | "commit";
}

const ZERO = "0".repeat(40);

export async function buildTree(dir: string, baseTree: string | undefined, changes: TreeChange[]): Promise<string> {
  const index = join(tmpdir(), `sim-index-${randomUUID()}`);
  const env = { GIT_INDEX_FILE: index };
  try {
    await runGit(dir, baseTree ? ["read-tree", baseTree] : ["read-tree", "--empty"], { env });
    const existing = (await runGit(dir, ["ls-files", "-z"], { env })).split("\0").filter((p) => p !== "");
    const lines: string[] = [];
    const subtrees: TreeChange[] = [];
    for (const change of changes) {
      // A path replaced or deleted as a whole directory takes every file under it along.
      for (const path of existing) if (path.startsWith(`${change.path}/`)) lines.push(`0 ${ZERO}\t${path}`);
      if (change.sha === null) lines.push(`0 ${ZERO}\t${change.path}`);
      else if (change.type === "tree") {
        lines.push(`0 ${ZERO}\t${change.path}`);
        subtrees.push(change);
      } else lines.push(`${change.mode} ${change.sha}\t${change.path}`);
    }
    if (lines.length > 0) await runGit(dir, ["update-index", "--index-info"], { input: `${lines.join("\n")}\n`, env });
    for (const subtree of subtrees) {
      await runGit(dir, ["read-tree", `--prefix=${subtree.path}/`, subtree.sha ?? ""], { env });
    }
    return await runGit(dir, ["write-tree"], { env });
  } finally {
    rmSync(index, { force: true });
  }
}
