// Rewrites the string literal of one top-level attribute of a block (instance_type, instance_class),
// leaving every other byte as it was. The `=` column does not move, so `terraform fmt` alignment holds.
import { findAttribute, stringLiteral, type HclBlock } from "./scan-body";

export type SetAttributeResult =
  | { ok: true; text: string; previous: string }
  | { ok: false; problem: "missing" }
  | { ok: false; problem: "not-a-literal"; expression: string };

export function setStringAttribute(text: string, block: HclBlock, name: string, value: string): SetAttributeResult {
  const attribute = findAttribute(text, block, name);
  if (!attribute) return { ok: false, problem: "missing" };
  const expression = text.slice(attribute.valueStart, attribute.valueEnd);
  const previous = stringLiteral(expression);
  if (previous === undefined) return { ok: false, problem: "not-a-literal", expression };
  return {
    ok: true,
    previous,
    text: text.slice(0, attribute.valueStart) + JSON.stringify(value) + text.slice(attribute.valueEnd),
  };
}
