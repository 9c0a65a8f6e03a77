// Line arithmetic on the raw text, line endings kept as they are (a CRLF file stays CRLF).

/** Offset of the start of the line holding offset i. */
export function lineStart(text: string, i: number): number {
  return text.lastIndexOf("\n", i - 1) + 1;
}

/** Offset just past the line break ending the line holding offset i (text.length on the last line). */
export function nextLineStart(text: string, i: number): number {
  const end = text.indexOf("\n", i);
  return end === -1 ? text.length : end + 1;
}

/** The line's text without its line break. */
export function lineText(text: string, start: number): string {
  return text.slice(start, nextLineStart(text, start)).replace(/\r?\n$/, "");
}

export function isBlankLine(text: string, start: number): boolean {
  return start < text.length && lineText(text, start).trim() === "";
}
