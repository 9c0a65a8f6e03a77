// Names for what a plan adds: a file path and resource names that do not collide with what the root
// module already declares.
import { posix } from "node:path";
import { topLevelBlocks } from "../hcl/scan-body";
import type { PlanFiles, FixContext } from "./fix-context";

/** The names of the resource blocks of one type in a directory (unreadable files skipped: names only). */
export async function existingResourceNames(files: PlanFiles, context: FixContext, dir: string, type: string) {
  const names = new Set<string>();
  for (const path of await context.source.listFiles(context.baseSha)) {
    if (posix.dirname(path) !== dir) continue;
    try {
      for (const block of topLevelBlocks(await files.read(path)))
        if (block.type === "resource" && block.labels[0] === type && block.labels[1]) names.add(block.labels[1]);
    } catch {
      continue;
    }
  }
  return names;
}

export function uniqueName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name); n++) name = `${wanted}_${n}`;
  taken.add(name);
  return name;
}

export async function freePath(files: PlanFiles, dir: string, stem: string): Promise<string> {
  let path = `${dir}/${stem}.tf`;
  for (let n = 2; await files.exists(path); n++) path = `${dir}/${stem}-${n}.tf`;
  return path;
}
