// Resolves what a new block refers to (`module.vpc_x.vpc_id`, `aws_vpc.main.id`,
// `module.vpc_x.route_table_ids["private"]`, or a pinned id) to AWS ids, through the root's state.
import type { StateResource, TerraformStateV4 } from "../state-types";

function idsOf(resources: StateResource[], indexKey?: string): string[] {
  return resources.flatMap((r) =>
    r.instances.filter((i) => indexKey === undefined || i.index_key === indexKey).map((i) => i.attributes.id),
  );
}

/** Ids of one resource type that an expression names, pinned or referenced. */
export function referencedIds(state: TerraformStateV4, expression: string, type: string, prefix: string): string[] {
  const ids = new Set<string>(expression.match(new RegExp(`\\b${prefix}-[0-9a-f]+\\b`, "g")) ?? []);
  const output = { aws_vpc: "vpc_id", aws_route_table: "route_table_ids", aws_subnet: "(?:private_)?subnet_ids" }[type];
  if (output) {
    const moduleRefs = new RegExp(`module\\.([\\w-]+)\\.${output}(?:\\["([^"]+)"\\])?`, "g");
    for (const match of expression.matchAll(moduleRefs)) {
      const inModule = state.resources.filter((r) => r.module === `module.${match[1]}` && r.type === type);
      for (const id of idsOf(inModule, match[2])) ids.add(id);
    }
  }
  for (const match of expression.matchAll(
    new RegExp(`\\b${type}\\.([\\w-]+)(?:\\[("?)([^\\]"]+)\\2\\])?\\.(?:id|name)`, "g"),
  )) {
    const named = state.resources.filter((r) => !r.module && r.type === type && r.name === match[1]);
    for (const id of idsOf(named, match[3])) ids.add(id);
  }
  return [...ids];
}

/** The provider address the root already uses for an account (new resources join it). */
export function providerFor(state: TerraformStateV4, accountId: string): string {
  const owner = state.resources.find((r) => {
    const arn = r.instances[0]?.attributes.arn;
    return typeof arn === "string" && arn.split(":")[4] === accountId;
  });
  return owner?.provider ?? 'provider["registry.terraform.io/hashicorp/aws"]';
}
