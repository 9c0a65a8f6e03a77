// An expression for a resource's id (or name) that the root module's own files can use: `aws_vpc.main.id`,
// `aws_subnet.private["a"].id`, or a module output such as `module.vpc.subnet_ids["a"]` when the module
// exports exactly that. Null when no such expression is known: callers then write the literal id.
import { findAttribute } from "../hcl/scan-body";
import type { Configuration } from "./read-configuration";

const keySuffix = (key: string | number | null) =>
  key === null ? "" : typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`;

/** The module's outputs by their expression, whitespace squeezed: "aws_vpc.this.id" -> "vpc_id". */
function outputsOf(configuration: Configuration, moduleDir: string): Map<string, string> {
  const outputs = new Map<string, string>();
  for (const file of configuration.directories.get(moduleDir) ?? []) {
    for (const block of file.blocks) {
      if (block.type !== "output" || !block.labels[0]) continue;
      const value = findAttribute(file.text, block, "value");
      if (!value) continue;
      const expression = file.text.slice(value.valueStart, value.valueEnd).replace(/\s+/g, " ").trim();
      if (!outputs.has(expression)) outputs.set(expression, block.labels[0]);
    }
  }
  return outputs;
}

export function resourceReference(
  configuration: Configuration,
  resource: {
    modulePath: string | null;
    moduleDir: string | null;
    type: string;
    name: string;
    indexKey: string | number | null;
  },
  attribute: string,
): string | null {
  const base = `${resource.type}.${resource.name}`;
  if (!resource.modulePath) return `${base}${keySuffix(resource.indexKey)}.${attribute}`;
  // one level of a plain module call: its outputs are reachable from the root module
  if (!/^module\.[\w-]+$/.test(resource.modulePath) || !resource.moduleDir) return null;
  const outputs = outputsOf(configuration, resource.moduleDir);
  if (resource.indexKey === null) {
    const output = outputs.get(`${base}.${attribute}`);
    return output ? `${resource.modulePath}.${output}` : null;
  }
  for (const [expression, output] of outputs) {
    const match = /^\{ for (\w+), (\w+) in ([\w.]+) : \1 => \2\.(\w+) \}$/.exec(expression);
    if (match && match[3] === base && match[4] === attribute)
      return `${resource.modulePath}.${output}${keySuffix(resource.indexKey)}`;
  }
  return null;
}
