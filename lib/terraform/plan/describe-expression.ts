// Says where a non-literal value comes from, so a refusal points the user at the line to change:
// a variable (and the file declaring it), a local, or an expression as written.
import { posix } from "node:path";
import { findAttribute, topLevelBlocks } from "../hcl/scan-body";
import type { FixContext } from "./fix-context";
import { lineOf } from "./find-entry-block";

export async function describeExpression(context: FixContext, file: string, expression: string): Promise<string> {
  const dir = posix.dirname(file);
  const paths = (await context.source.listFiles(context.baseSha)).filter((p) => posix.dirname(p) === dir);
  const variable = /^var\.([\w-]+)$/.exec(expression)?.[1];
  const local = /^local\.([\w-]+)$/.exec(expression)?.[1];
  for (const path of paths) {
    if (!variable && !local) break;
    const text = await context.source.readFile(context.baseSha, path);
    let blocks;
    try {
      blocks = topLevelBlocks(text);
    } catch {
      continue;
    }
    for (const block of blocks) {
      if (variable && block.type === "variable" && block.labels[0] === variable)
        return `variable "${variable}" (declared in ${path}:${lineOf(text, block.start)}; its value comes from a .tfvars file, -var or the module's caller)`;
      if (local && block.type === "locals" && findAttribute(text, block, local))
        return `local "${local}" (${path}:${lineOf(text, findAttribute(text, block, local)!.start)})`;
    }
  }
  return `the expression ${expression.length > 80 ? `${expression.slice(0, 77)}...` : expression}`;
}
