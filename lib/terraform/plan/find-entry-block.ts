// Finds an index entry's block again in the file text at the base commit: the index says which file, the
// scan gives today's offsets. Exactly one match, or a refusal.
import type { IndexEntry } from "../index/index-entry";
import { topLevelBlocks, type HclBlock } from "../hcl/scan-body";
import { HclScanError } from "../hcl/skip-syntax";
import { refusal } from "./fix-context";
import type { Refusal } from "../fix-plan";

export function findEntryBlock(text: string, entry: IndexEntry & { file: string }): HclBlock | Refusal {
  let blocks: HclBlock[];
  try {
    blocks = topLevelBlocks(text);
  } catch (error) {
    if (!(error instanceof HclScanError)) throw error;
    return refusal(
      "ambiguous-block",
      `${entry.file} could not be read safely (${error.message}), so CostLens will not edit it.`,
    );
  }
  const found = blocks.filter((b) => b.type === "resource" && b.labels[0] === entry.type && b.labels[1] === entry.name);
  if (found.length === 1) return found[0]!;
  return refusal(
    found.length === 0 ? "block-not-found" : "ambiguous-block",
    `resource "${entry.type}" "${entry.name}" appears ${found.length} times in ${entry.file}.`,
  );
}

/** Line number (1-based) of an offset, for messages. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text[i] === "\n") line++;
  return line;
}
