// A real three-way merge without a work tree: `git merge-tree --write-tree` (git 2.38+) returns the merged
// tree, or exit code 1 when the branches conflict.
import { runGitRaw } from "./run-git";

export type MergeResult = { clean: true; tree: string } | { clean: false; conflicts: string[] };

export async function mergeTrees(dir: string, base: string, head: string): Promise<MergeResult> {
  const { stdout, code } = await runGitRaw(
    dir,
    ["merge-tree", "--write-tree", "--name-only", "--no-messages", base, head],
    {
      okCodes: [1],
    },
  );
  const [tree = "", ...rest] = stdout.toString("utf8").split("\n");
  if (code === 0) return { clean: true, tree: tree.trim() };
  return { clean: false, conflicts: rest.filter((line) => line !== "") };
}

/** Files changed in a revision range ("a..b", "a...b"), with added and deleted line counts. */
export async function diffStat(
  dir: string,
  range: string,
): Promise<Array<{ path: string; additions: number; deletions: number }>> {
  const { stdout } = await runGitRaw(dir, ["diff", "--numstat", "-z", "--no-renames", range]);
  return stdout
    .toString("utf8")
    .split("\0")
    .filter((line) => line !== "")
    .map((line) => {
      const [additions = "0", deletions = "0", path = ""] = line.split("\t");
      return { path, additions: Number(additions) || 0, deletions: Number(deletions) || 0 };
    });
}

/** The unified diff of a revision range, as a reviewer reads it. */
export async function diffText(dir: string, range: string): Promise<string> {
  return (await runGitRaw(dir, ["diff", "--no-renames", range])).stdout.toString("utf8");
}
