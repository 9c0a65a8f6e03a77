// A small structural reader for HCL, enough to find blocks and top-level attributes in files the sandbox or
// a pull request wrote: comments, strings (with braces and interpolations) and heredocs are masked first,
// so only real braces count. It does not evaluate anything.

export interface HclAttribute {
  name: string;
  /** The expression as written, comments blanked out. */
  value: string;
}

export interface HclBlock {
  type: string;
  labels: string[];
  body: string;
  /** Offsets of the whole block (header to closing brace) in the text that was parsed. */
  start: number;
  end: number;
}

export interface HclBody {
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

/**
 * The text with comments blanked out (same length, newlines kept), and with `contents` also string
 * interiors and heredoc bodies: then only real braces and `=` remain.
 */
function maskHcl(text: string, contents = true): string {
  const out = text.split("");
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== "\n" && out[i] !== "\r") out[i] = " ";
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === "#" || (c === "/" && next === "/")) {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"') {
      let j = i + 1;
      let interpolation = 0;
      while (j < text.length) {
        const d = text[j];
        if (d === "\\") j += 2;
        else if (interpolation === 0 && d === '"') break;
        else if (d === "$" && text[j + 1] === "{") {
          interpolation++;
          j += 2;
        } else {
          if (interpolation > 0 && d === "{") interpolation++;
          if (interpolation > 0 && d === "}") interpolation--;
          j++;
        }
      }
      if (contents) blank(i + 1, j);
      i = j + 1;
    } else if (c === "<" && next === "<") {
      const header = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(text.slice(i));
      if (!header) {
        i += 2;
        continue;
      }
      const marker = header[1] ?? "";
      let lineStart = i + header[0].length;
      let stop = text.length;
      while (lineStart < text.length) {
        const lineEnd = text.indexOf("\n", lineStart);
        const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
        if (line.trim() === marker) {
          stop = lineEnd < 0 ? text.length : lineEnd;
          break;
        }
        lineStart = lineEnd < 0 ? text.length : lineEnd + 1;
      }
      if (contents) blank(i + header[0].length, stop);
      i = stop;
    } else i++;
  }
  return out.join("");
}

const OPEN = new Set(["{", "[", "("]);
const CLOSE = new Set(["}", "]", ")"]);

/** Top-level statements (attributes and blocks) of a body, as [start, end) offsets. */
function statements(masked: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i <= masked.length; i++) {
    const c = masked[i];
    if (i === masked.length || (c === "\n" && depth === 0)) {
      if (start >= 0) found.push([start, i]);
      start = -1;
      continue;
    }
    if (start < 0 && c !== undefined && !/\s/.test(c)) start = i;
    if (c !== undefined && OPEN.has(c)) depth++;
    if (c !== undefined && CLOSE.has(c)) depth = Math.max(0, depth - 1);
  }
  return found;
}

const BLOCK_HEADER = /^([A-Za-z_][\w-]*)((?:\s+(?:"(?:[^"\\]|\\.)*"|[A-Za-z_][\w-]*))*)\s*\{/;
const ATTRIBUTE = /^([A-Za-z_][\w-]*)\s*=(?!=)/;

export function parseHclBody(text: string): HclBody {
  const masked = maskHcl(text);
  const uncommented = maskHcl(text, false);
  const body: HclBody = { attributes: [], blocks: [] };
  for (const [start, end] of statements(masked)) {
    const original = text.slice(start, end);
    const attribute = ATTRIBUTE.exec(masked.slice(start, end));
    if (attribute) {
      const value = uncommented.slice(start + attribute[0].length, end).trim();
      body.attributes.push({ name: attribute[1] ?? "", value });
      continue;
    }
    const header = BLOCK_HEADER.exec(original);
    const close = masked.lastIndexOf("}", end);
    if (!header || close < start) continue;
    const labels = [...(header[2] ?? "").matchAll(/"((?:[^"\\]|\\.)*)"|([A-Za-z_][\w-]*)/g)].map(
      (m) => m[1] ?? m[2] ?? "",
    );
    body.blocks.push({
      type: header[1] ?? "",
      labels,
      body: text.slice(start + header[0].length, close),
      start,
      end: close + 1,
    });
  }
  return body;
}

/** The value of a quoted string literal without interpolation, or undefined for any other expression. */
export function stringLiteral(expression: string): string | undefined {
  const match = /^"((?:[^"\\]|\\.)*)"$/.exec(expression.trim());
  if (!match || (match[1] ?? "").includes("${")) return undefined;
  return (match[1] ?? "").replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
}

export function attributeValue(body: HclBody, name: string): string | undefined {
  return body.attributes.find((a) => a.name === name)?.value;
}
