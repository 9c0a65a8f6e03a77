// Renders HCL bodies the way `terraform fmt` lays them out: two-space indents, `=` aligned across a run of
// consecutive single-line attributes (a heredoc's opening line included), a multi-line value, a comment or
// a nested block ending the run.

export type HclItem =
  | { kind: "attr"; key: string; value: string }
  | { kind: "multi"; key: string; lines: string[] }
  | { kind: "block"; header: string; items: HclItem[] }
  | { kind: "comment"; text: string }
  | { kind: "blank" };

export const attr = (key: string, value: string): HclItem => ({ kind: "attr", key, value });
export const multi = (key: string, lines: string[]): HclItem => ({ kind: "multi", key, lines });
export const block = (header: string, items: HclItem[]): HclItem => ({ kind: "block", header, items });
export const comment = (text: string): HclItem => ({ kind: "comment", text });
export const blank: HclItem = { kind: "blank" };

function renderItems(items: HclItem[], depth = 0): string[] {
  const pad = "  ".repeat(depth);
  const out: string[] = [];
  let run: Array<{ key: string; value: string }> = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((a) => a.key.length));
    for (const a of run) out.push(`${pad}${a.key.padEnd(width)} = ${a.value}`);
    run = [];
  };
  for (const item of items) {
    if (item.kind === "attr") {
      run.push(item);
      continue;
    }
    if (item.kind === "multi" && item.lines[0]?.startsWith("<<")) {
      // fmt aligns a heredoc's opening line with the attributes above it, then the run ends.
      run.push({ key: item.key, value: item.lines[0] });
      flush();
      for (const line of item.lines.slice(1)) out.push(line === "" ? "" : `${pad}${line}`);
      continue;
    }
    flush();
    switch (item.kind) {
      case "multi": {
        const [first, ...rest] = item.lines;
        out.push(`${pad}${item.key} = ${first ?? ""}`);
        for (const line of rest) out.push(line === "" ? "" : `${pad}${line}`);
        break;
      }
      case "block":
        out.push(`${pad}${item.header} {`, ...renderItems(item.items, depth + 1), `${pad}}`);
        break;
      case "comment":
        out.push(`${pad}${item.text}`);
        break;
      case "blank":
        out.push("");
        break;
    }
  }
  flush();
  return out;
}

/** A whole file: top-level items separated as given, one trailing newline. */
export function renderFile(items: HclItem[]): string {
  return `${renderItems(items).join("\n")}\n`;
}
