// Zombie and long-stopped instances, orphan volumes, idle replicas: delete the resource's block (and the
// comment attached to it). Refused when other code still refers to the resource, since `terraform plan`
// would then fail instead of destroying it.
import { posix } from "node:path";
import { deleteBlock } from "../hcl/delete-block";
import { HclScanError } from "../hcl/skip-syntax";
import type { FixOutcome } from "../fix-plan";
import type { IndexEntry } from "../index/index-entry";
import { lineStart, lineText } from "../hcl/line-ranges";
import { findEntryBlock } from "./find-entry-block";
import { PlanFiles, refusal, type FixContext } from "./fix-context";
import type { FixInput } from "./fix-input";
import { noConfiguration } from "./resolve-entries";
import { resolveResourceEntries } from "./resolve-resource-entries";

const NOTES: Partial<Record<FixInput["type"], string>> = {
  ZOMBIE_INSTANCE:
    "Terminating the instance deletes its root volume and any volume marked delete_on_termination: snapshot what must be kept before merging.",
  STOPPED_INSTANCE:
    "Terminating the instance deletes its root volume and any volume marked delete_on_termination: snapshot what must be kept before merging.",
  ORPHAN_VOLUME:
    "Deleting the volume destroys its data: take a snapshot first (aws ec2 create-snapshot) if it may be needed.",
  IDLE_REPLICA:
    "Only the read replica is destroyed; the primary keeps running. Recreating the replica after a revert copies the whole primary again.",
};

async function referencesElsewhere(files: PlanFiles, context: FixContext, entry: IndexEntry & { file: string }) {
  const dir = posix.dirname(entry.file);
  const paths = (await context.source.listFiles(context.baseSha)).filter((p) => posix.dirname(p) === dir);
  const pattern = new RegExp(`(?<![\\w.-])${entry.type}\\.${entry.name}(?![\\w-])`);
  const found: string[] = [];
  for (const path of paths) {
    const text = await files.read(path);
    const match = pattern.exec(text);
    // the text is already edited, so the line is quoted rather than numbered
    if (match) found.push(`${path} (${lineText(text, lineStart(text, match.index)).trim()})`);
  }
  return found;
}

export async function planBlockDeletion(inputs: FixInput[], context: FixContext): Promise<FixOutcome> {
  if (context.index.rootModules.length === 0) return noConfiguration();
  const resolved = resolveResourceEntries(inputs, context);
  if (resolved.kind === "refusal") return resolved;
  const { entries, rootModule: root } = resolved;

  const files = new PlanFiles(context);
  for (const entry of entries as Array<IndexEntry & { file: string }>) {
    const text = await files.read(entry.file);
    const block = findEntryBlock(text, entry);
    if (block.kind === "refusal") return block;
    try {
      files.write(entry.file, deleteBlock(text, block));
    } catch (error) {
      if (!(error instanceof HclScanError)) throw error;
      return refusal(
        "ambiguous-block",
        `${entry.address} in ${entry.file} cannot be cut out cleanly (${error.message}): edit it by hand.`,
      );
    }
  }
  for (const entry of entries as Array<IndexEntry & { file: string }>) {
    const references = await referencesElsewhere(files, context, entry);
    if (references.length > 0)
      return refusal(
        "unsupported-expression",
        `${entry.address} is still referred to from ${references.join(", ")}: removing its block alone would break the plan. Remove those references first.`,
      );
  }
  const type = inputs[0]!.type;
  return {
    kind: "plan",
    type,
    rootModule: root,
    baseSha: context.baseSha,
    files: files.changes(),
    expectedPlan: { add: 0, change: 0, destroy: entries.length },
    addresses: entries.map((e) => e.address),
    notes: [
      ...(NOTES[type] ? [NOTES[type]] : []),
      "Rollback: revert this pull request and apply; Terraform recreates the resource from the restored block (empty, not with its old data).",
    ],
  };
}
