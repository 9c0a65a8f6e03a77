// The low-level moves of the HCL scanner: each takes the index of a construct's first character and
// returns the index just past its end, skipping whatever it contains (strings with `${ }` / `%{ }`
// templates, heredocs, comments, nested brackets). Anything it cannot make sense of throws HclScanError, so
// a caller refuses to edit rather than guess.

export class HclScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = "HclScanError";
  }
}

const CLOSERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/** Index past a `#`/`//` comment (up to, not including, the line break) or a `/* *\/` comment; undefined when none starts at i. */
export function skipComment(text: string, i: number): number | undefined {
  const c = text[i];
  if (c === "#" || (c === "/" && text[i + 1] === "/")) {
    const end = text.indexOf("\n", i);
    if (end === -1) return text.length;
    return text[end - 1] === "\r" ? end - 1 : end;
  }
  if (c === "/" && text[i + 1] === "*") {
    const end = text.indexOf("*/", i + 2);
    if (end === -1) throw new HclScanError("unterminated /* comment", i);
    return end + 2;
  }
  return undefined;
}

/** i at the opening quote: index past the closing quote, templates and escapes included. */
export function skipString(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j];
    if (c === "\\") j += 2;
    else if (c === '"') return j + 1;
    else if (c === "\n") throw new HclScanError("line break inside a quoted string", j);
    else if ((c === "$" || c === "%") && text[j + 1] === c && text[j + 2] === "{") j += 3;
    else if ((c === "$" || c === "%") && text[j + 1] === "{") j = skipBracketed(text, j + 1);
    else j++;
  }
  throw new HclScanError("unterminated string", i);
}

const HEREDOC_OPENER = /<<(-?)([A-Za-z_][\w-]*)[ \t]*\r?\n/y;

/** i at `<<`: index past the closing marker, or undefined when no heredoc starts there. */
export function skipHeredoc(text: string, i: number): number | undefined {
  HEREDOC_OPENER.lastIndex = i;
  const opener = HEREDOC_OPENER.exec(text);
  if (!opener) return undefined;
  const marker = opener[2]!;
  let lineStart = HEREDOC_OPENER.lastIndex;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, "");
    if (line.trim() === marker) return lineStart + line.length;
    lineStart = lineEnd + 1;
  }
  throw new HclScanError(`heredoc ${marker} is never closed`, i);
}

/** i at `(`, `[` or `{`: index past its matching closer. */
export function skipBracketed(text: string, i: number): number {
  const stack = [CLOSERS[text[i]!]];
  if (stack[0] === undefined) throw new HclScanError("expected a bracket", i);
  let j = i + 1;
  while (j < text.length) {
    const next = skipAtom(text, j);
    if (next !== undefined) {
      j = next;
      continue;
    }
    const c = text[j]!;
    if (c in CLOSERS) stack.push(CLOSERS[c]);
    else if (c === ")" || c === "]" || c === "}") {
      if (stack.pop() !== c) throw new HclScanError(`unbalanced "${c}"`, j);
      if (stack.length === 0) return j + 1;
    }
    j++;
  }
  throw new HclScanError("unclosed bracket", i);
}

/** Index past a string, heredoc or comment starting at i; undefined when none does. */
export function skipAtom(text: string, i: number): number | undefined {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c === "<" && text[i + 1] === "<") return skipHeredoc(text, i);
  return skipComment(text, i);
}

/**
 * i at the first character of an attribute's expression: index just past the expression, which ends at the
 * first line break (or `to`) outside brackets, strings and heredocs; a trailing comment is not part of it.
 */
export function skipExpression(text: string, i: number, to: number): number {
  let j = i;
  let end = i;
  while (j < to) {
    const c = text[j]!;
    if (c === "\n" || (c === "\r" && text[j + 1] === "\n")) break;
    if (c === "#" || (c === "/" && (text[j + 1] === "/" || text[j + 1] === "*"))) {
      const after = skipComment(text, j)!;
      if (text[j + 1] === "*" && text.slice(j, after).includes("\n"))
        throw new HclScanError("multi-line comment inside an expression", j);
      j = after;
      continue;
    }
    if (c === '"') j = skipString(text, j);
    else if (c === "<" && text[j + 1] === "<") j = skipHeredoc(text, j) ?? j + 2;
    else if (c in CLOSERS) j = skipBracketed(text, j);
    else if (c === ")" || c === "]" || c === "}") break;
    else j++;
    if (c !== " " && c !== "\t") end = j;
  }
  if (j > to) throw new HclScanError("expression runs past its block", i);
  return end;
}
