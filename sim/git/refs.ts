// Branch and ref updates with compare-and-swap semantics: `git update-ref <ref> <new> <old>` fails when the
// ref moved meanwhile, so two writers can never both think they won.
import { GitError, runGit, runGitRaw } from "./run-git";

export interface RefEntry {
  ref: string;
  sha: string;
}

export async function resolveRef(dir: string, ref: string): Promise<string | undefined> {
  const { stdout, code } = await runGitRaw(dir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], {
    okCodes: [1, 128],
  });
  return code === 0 ? stdout.toString().trim() : undefined;
}

export async function listRefs(dir: string, prefix: string): Promise<RefEntry[]> {
  const out = await runGit(dir, ["for-each-ref", "--format=%(refname) %(objectname)"]);
  return out
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const [ref = "", sha = ""] = line.split(" ");
      return { ref, sha };
    })
    .filter((entry) => entry.ref.startsWith(prefix) && !entry.ref.startsWith("refs/sim/"));
}

/** Sets a ref; `expected` is the sha it must still have ("" when it must not exist yet). */
export async function setRef(dir: string, fullRef: string, sha: string, expected?: string): Promise<boolean> {
  try {
    await runGit(dir, ["update-ref", fullRef, sha, ...(expected === undefined ? [] : [expected])]);
    return true;
  } catch (error) {
    if (error instanceof GitError) return false;
    throw error;
  }
}

export async function deleteRef(dir: string, fullRef: string): Promise<void> {
  await runGit(dir, ["update-ref", "-d", fullRef]);
}

export async function isAncestor(dir: string, ancestor: string, descendant: string): Promise<boolean> {
  const { code } = await runGitRaw(dir, ["merge-base", "--is-ancestor", ancestor, descendant], { okCodes: [1] });
  return code === 0;
}

export async function countCommits(dir: string, from: string, to: string): Promise<number> {
  return Number(await runGit(dir, ["rev-list", "--count", `${from}..${to}`]));
}

export async function isValidRefName(dir: string, fullRef: string): Promise<boolean> {
  const { code } = await runGitRaw(dir, ["check-ref-format", fullRef], { okCodes: [1] });
  return code === 0;
}
