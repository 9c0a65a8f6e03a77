// Finds the blocks and attributes of an HCL body with their exact offsets: enough to locate a resource,
// read its top-level arguments and cut or rewrite text surgically. It is not a full parser: anything it does
// not recognise throws HclScanError, and the callers turn that into a refusal.
import { HclScanError, skipBracketed, skipComment, skipExpression, skipString } from "./skip-syntax";

export interface HclAttribute {
  kind: "attribute";
  name: string;
  /** offset of the name */
  start: number;
  /** the expression's text is text.slice(valueStart, valueEnd) */
  valueStart: number;
  valueEnd: number;
}

export interface HclBlock {
  kind: "block";
  type: string;
  /** label values, quotes removed */
  labels: string[];
  /** offset of the block type keyword */
  start: number;
  /** offset just past the closing brace */
  end: number;
  /** the body is text.slice(bodyStart, bodyEnd), braces excluded */
  bodyStart: number;
  bodyEnd: number;
}

export type HclItem = HclAttribute | HclBlock;

const IDENTIFIER = /[A-Za-z_][\w-]*/y;

function readIdentifier(text: string, i: number): string | undefined {
  IDENTIFIER.lastIndex = i;
  return IDENTIFIER.exec(text)?.[0];
}

function skipInlineSpace(text: string, i: number): number {
  while (text[i] === " " || text[i] === "\t") i++;
  return i;
}

/** The items of the body text.slice(from, to), in order. */
export function scanBody(text: string, from = 0, to = text.length): HclItem[] {
  const items: HclItem[] = [];
  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (c === " " || c === "\t" || c === "\r" || c === "\n") {
      i++;
      continue;
    }
    const afterComment = skipComment(text, i);
    if (afterComment !== undefined) {
      i = afterComment;
      continue;
    }
    const name = readIdentifier(text, i);
    if (!name) throw new HclScanError(`unexpected "${c}"`, i);
    const start = i;
    i = skipInlineSpace(text, i + name.length);
    if (text[i] === "=" && text[i + 1] !== "=") {
      const valueStart = skipInlineSpace(text, i + 1);
      const valueEnd = skipExpression(text, valueStart, to);
      if (valueEnd === valueStart) throw new HclScanError(`attribute ${name} has no value`, start);
      items.push({ kind: "attribute", name, start, valueStart, valueEnd });
      i = valueEnd;
      continue;
    }
    const labels: string[] = [];
    while (text[i] !== "{") {
      if (text[i] === '"') {
        const end = skipString(text, i);
        labels.push(JSON.parse(text.slice(i, end)) as string);
        i = skipInlineSpace(text, end);
        continue;
      }
      const label = readIdentifier(text, i);
      if (!label) throw new HclScanError(`expected "=", a label or "{" after ${name}`, i);
      labels.push(label);
      i = skipInlineSpace(text, i + label.length);
    }
    const end = skipBracketed(text, i);
    if (end > to) throw new HclScanError(`block ${name} runs past its parent`, start);
    items.push({ kind: "block", type: name, labels, start, end, bodyStart: i + 1, bodyEnd: end - 1 });
    i = end;
  }
  return items;
}

/** The top-level attribute of a block with that name, if any. */
export function findAttribute(text: string, block: HclBlock, name: string): HclAttribute | undefined {
  return scanBody(text, block.bodyStart, block.bodyEnd).find(
    (item): item is HclAttribute => item.kind === "attribute" && item.name === name,
  );
}

/** The top-level blocks of a file. */
export function topLevelBlocks(text: string): HclBlock[] {
  return scanBody(text).filter((item): item is HclBlock => item.kind === "block");
}

const PLAIN_STRING = /^"(?:[^"\\$%\n]|\\.|\$(?!\{)|%(?!\{)|\$\$\{|%%\{)*"$/;

/** The value of a string literal without templates, or undefined for any other expression. */
export function stringLiteral(expression: string): string | undefined {
  if (!PLAIN_STRING.test(expression)) return undefined;
  try {
    return (JSON.parse(expression.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{")) as string) ?? undefined;
  } catch {
    return undefined;
  }
}
