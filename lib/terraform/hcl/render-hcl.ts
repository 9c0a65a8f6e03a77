// Writes new Terraform blocks in `terraform fmt` style: two-space indent, the `=` of consecutive
// single-line arguments aligned, one blank line between blocks and between groups.

/** An already rendered HCL expression, e.g. `"m5.large"`, `aws_vpc.main.id` or `["a", "b"]`. */
export type HclExpression = string;

export interface ResourceSpec {
  type: string;
  name: string;
  /** a provider configuration other than the default, e.g. "aws.west": written first, on its own */
  provider?: string | null;
  /** groups of arguments, rendered with a blank line between groups */
  groups: Array<Array<[string, HclExpression]>>;
  /** a `tags = { ... }` map rendered last, when present */
  tags?: Record<string, string>;
}

export function quote(value: string): HclExpression {
  return JSON.stringify(value).replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
}

export function list(items: HclExpression[]): HclExpression {
  return `[${items.join(", ")}]`;
}

function alignedLines(pairs: Array<[string, HclExpression]>, indent: string): string[] {
  const width = Math.max(...pairs.map(([name]) => name.length));
  return pairs.map(([name, value]) => `${indent}${name.padEnd(width)} = ${value}`);
}

const BARE_KEY = /^[A-Za-z_][\w-]*$/;

export function renderResource(spec: ResourceSpec): string {
  const groups = spec.provider
    ? [[["provider", spec.provider]] as Array<[string, string]>, ...spec.groups]
    : spec.groups;
  const sections = groups.filter((group) => group.length > 0).map((group) => alignedLines(group, "  "));
  if (spec.tags && Object.keys(spec.tags).length > 0) {
    const entries = Object.entries(spec.tags).map(
      ([key, value]) => [BARE_KEY.test(key) ? key : quote(key), quote(value)] as [string, string],
    );
    sections.push(["  tags = {", ...alignedLines(entries, "    "), "  }"]);
  }
  const body = sections.map((lines) => lines.join("\n")).join("\n\n");
  return `resource ${quote(spec.type)} ${quote(spec.name)} {\n${body}\n}\n`;
}

/** A whole file of resources, with a leading comment that says why it exists. */
export function renderFile(comment: string[], resources: ResourceSpec[]): string {
  const header = comment.map((line) => `# ${line}`.trimEnd()).join("\n");
  return `${header}\n\n${resources.map(renderResource).join("\n")}`;
}

/** A Terraform name from free text: "shop-dev us-east-1" -> "shop_dev_us_east_1". */
export function terraformName(text: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[a-z_]/.test(name) ? name : `r_${name}`;
}
