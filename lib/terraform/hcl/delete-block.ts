// Deletes one top-level block with the comment lines attached directly above it, and one of the blank
// lines around it, so the file stays `terraform fmt` clean. Every other byte is kept.
import type { HclBlock } from "./scan-body";
import { isBlankLine, lineStart, lineText, nextLineStart } from "./line-ranges";
import { HclScanError } from "./skip-syntax";

function isCommentLine(line: string): boolean {
  const trimmed = line.trimStart();
  return trimmed.startsWith("#") || trimmed.startsWith("//");
}

/** Start of the comment lines directly above the block's line (no blank line between), or the block's line. */
function attachedCommentStart(text: string, blockLine: number): number {
  let start = blockLine;
  while (start > 0) {
    const previous = lineStart(text, start - 1);
    const line = lineText(text, previous);
    if (isCommentLine(line)) {
      start = previous;
      continue;
    }
    if (line.trimEnd().endsWith("*/")) {
      const opener = text.lastIndexOf("/*", previous + line.length);
      if (opener !== -1 && text.slice(lineStart(text, opener), opener).trim() === "") {
        start = lineStart(text, opener);
        continue;
      }
    }
    break;
  }
  return start;
}

export function deleteBlock(text: string, block: HclBlock): string {
  const blockLine = lineStart(text, block.start);
  if (text.slice(blockLine, block.start).trim() !== "")
    throw new HclScanError("the block shares its first line with other code", block.start);
  if (
    lineText(text, lineStart(text, block.end))
      .slice(block.end - lineStart(text, block.end))
      .trim() !== ""
  )
    throw new HclScanError("the block shares its last line with other code", block.end);
  let start = attachedCommentStart(text, blockLine);
  let end = nextLineStart(text, block.end);
  const blankBefore = start > 0 && isBlankLine(text, lineStart(text, start - 1));
  const blankAfter = isBlankLine(text, end);
  if (blankAfter && (blankBefore || start === 0)) end = nextLineStart(text, end);
  else if (blankBefore && end >= text.length) start = lineStart(text, start - 1);
  return text.slice(0, start) + text.slice(end);
}
