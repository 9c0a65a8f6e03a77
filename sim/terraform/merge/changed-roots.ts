// The Terraform files a merge changed, grouped by root configuration, with their text before and after.
import { readTree, readBlob } from "../../git/objects";
import { runGit } from "../../git/run-git";

export interface ChangedRoot {
  environment: string;
  files: Array<{ path: string; before: string; after: string }>;
}

async function fileAt(dir: string, commit: string, path: string): Promise<string> {
  const entry = (await readTree(dir, commit, false, path)).find((e) => e.path === path);
  return entry ? ((await readBlob(dir, entry.sha))?.toString("utf8") ?? "") : "";
}

export async function changedRoots(dir: string, before: string, after: string): Promise<ChangedRoot[]> {
  const names = (await runGit(dir, ["diff", "--name-only", "--no-renames", before, after])).split("\n");
  const roots = new Map<string, ChangedRoot>();
  for (const path of names) {
    const match = /^envs\/([^/]+)\/[^/]+\.tf$/.exec(path);
    if (!match?.[1]) continue;
    const root = roots.get(match[1]) ?? { environment: match[1], files: [] };
    root.files.push({ path, before: await fileAt(dir, before, path), after: await fileAt(dir, after, path) });
    roots.set(match[1], root);
  }
  return [...roots.values()];
}
