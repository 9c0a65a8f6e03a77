// Rightsizing: change the string literal of instance_type (EC2) or instance_class (RDS) in the resource's
// block. A value that is not a literal (a variable, a lookup) is refused with where it comes from: changing
// it there could resize other resources too.
import { setStringAttribute } from "../hcl/set-string-attribute";
import { findAttribute } from "../hcl/scan-body";
import type { FixOutcome } from "../fix-plan";
import type { IndexEntry } from "../index/index-entry";
import { describeExpression } from "./describe-expression";
import { findEntryBlock, lineOf } from "./find-entry-block";
import { PlanFiles, refusal, type FixContext } from "./fix-context";
import type { FixInput } from "./fix-input";
import { noConfiguration } from "./resolve-entries";
import { resolveResourceEntries } from "./resolve-resource-entries";

const SIZE_ATTRIBUTE: Record<string, "instance_type" | "instance_class"> = {
  aws_instance: "instance_type",
  aws_db_instance: "instance_class",
};

export async function planResize(inputs: FixInput[], context: FixContext): Promise<FixOutcome> {
  if (context.index.rootModules.length === 0) return noConfiguration();
  const untargeted = inputs.find((i) => i.fixTarget?.kind !== "resize");
  if (untargeted)
    return refusal(
      "block-not-found",
      `The evidence of ${untargeted.resourceId} does not name a target size yet; it is filled in by the next detection run.`,
    );
  const resolved = resolveResourceEntries(inputs, context);
  if (resolved.kind === "refusal") return resolved;
  const { entries, rootModule: root } = resolved;

  const files = new PlanFiles(context);
  const notes: string[] = [];
  for (const [k, input] of inputs.entries()) {
    const entry = entries[k] as IndexEntry & { file: string };
    const target = input.fixTarget as Extract<NonNullable<FixInput["fixTarget"]>, { kind: "resize" }>;
    const attribute = SIZE_ATTRIBUTE[entry.type];
    if (!attribute)
      return refusal(
        "unsupported-expression",
        `${entry.address} is a ${entry.type}, which has no instance size to change.`,
      );
    const text = await files.read(entry.file);
    const block = findEntryBlock(text, entry);
    if (block.kind === "refusal") return block;
    const result = setStringAttribute(text, block, attribute, target.to);
    if (!result.ok && result.problem === "missing")
      return refusal("block-not-found", `${entry.address} in ${entry.file} has no ${attribute} argument to change.`);
    if (!result.ok) {
      const source = await describeExpression(context, entry.file, result.expression.trim());
      return refusal(
        "unsupported-expression",
        `${attribute} of ${entry.address} (${entry.file}:${lineOf(text, block.start)}) is not a plain value: it comes from ${source}. Change it there, knowing it may size other resources too.`,
      );
    }
    files.write(entry.file, result.text);
    if (target.from && result.previous !== target.from)
      notes.push(
        `${entry.address}: the configuration said ${result.previous} while the instance runs ${target.from}; the plan will show the drift too.`,
      );
    notes.push(
      attribute === "instance_type"
        ? `${entry.address}: ${result.previous} -> ${target.to}. Changing the type stops and starts the instance: a few minutes of downtime.`
        : `${entry.address}: ${result.previous} -> ${target.to}. RDS applies it in the next maintenance window unless apply_immediately is set; Multi-AZ instances fail over.`,
    );
    if (target.architectureChange) {
      const ami = findAttribute(text, block, "ami");
      notes.push(
        `${target.to} is a Graviton (${target.architectureChange.to}) type: the instance needs an ${target.architectureChange.to} AMI` +
          (ami ? ` instead of ${text.slice(ami.valueStart, ami.valueEnd)}` : "") +
          ", and its software must run on Arm. Change the image in the same pull request before merging.",
      );
    }
  }
  return {
    kind: "plan",
    type: "RIGHTSIZING",
    rootModule: root,
    baseSha: context.baseSha,
    files: files.changes(),
    expectedPlan: { add: 0, change: entries.length, destroy: 0 },
    addresses: entries.map((e) => e.address),
    notes: [...notes, "Rollback: revert this pull request and apply; the previous size comes back the same way."],
  };
}
