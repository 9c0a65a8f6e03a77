// HCL literals in `terraform fmt` style: the repository the sandbox generates must read like code a team
// formats with `terraform fmt`, because the pull-request editor has to keep that formatting byte for byte.

/** A quoted HCL string: `${` and `%{` are escaped so a value is never taken for a template. */
export function str(value: string): string {
  const escaped = value
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\$\{/g, () => "$${")
    .replace(/%\{/g, "%%{");
  return `"${escaped}"`;
}

/** A key as `terraform fmt` leaves it: bare when it is an identifier, quoted otherwise. */
export function key(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) ? name : str(name);
}

export function list(values: string[]): string {
  return `[${values.join(", ")}]`;
}

export function strList(values: string[]): string {
  return list(values.map(str));
}

/**
 * A multi-line object literal (`{ k = v }`), keys aligned on `=` as fmt does; nested lines are indented two
 * spaces relative to the opening line, which the renderer indents further.
 */
export function objectLines(entries: Array<[string, string | string[]]>): string[] {
  if (entries.length === 0) return ["{}"];
  const width = Math.max(0, ...entries.filter(([, v]) => typeof v === "string").map(([k]) => key(k).length));
  const lines = ["{"];
  for (const [k, v] of entries) {
    if (typeof v === "string") {
      lines.push(`  ${key(k).padEnd(width)} = ${v}`);
    } else {
      const [first, ...rest] = v;
      lines.push(`  ${key(k)} = ${first}`, ...rest.map((line) => (line === "" ? "" : `  ${line}`)));
    }
  }
  lines.push("}");
  return lines;
}

/** A tags map in HCL (`{ team = "x" }`), sorted so reruns produce the same bytes. */
export function tagLines(tags: Record<string, string>): string[] {
  return objectLines(
    Object.keys(tags)
      .sort()
      .map((k) => [k, str(tags[k] ?? "")]),
  );
}

/** A valid Terraform identifier from any label: lower snake case, never starting with a digit. */
export function identifier(label: string): string {
  const snake = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (snake === "") return "unnamed";
  return /^[0-9]/.test(snake) ? `r_${snake}` : snake;
}
