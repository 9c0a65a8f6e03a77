// New blocks a merge adds that the sandbox models: VPC endpoints (which take traffic off the NAT gateways)
// and auto-scaling schedules (off hours for non-production).
import type { EndpointService, Organisation, VpcEndpoint } from "../../org/model";
import { hexOf } from "../hash";
import { type HclBody, attributeValue, stringLiteral } from "../hcl/parse";
import type { TerraformStateV4 } from "../state-types";
import type { MergeEffects } from "./effects";
import type { ResourceBlock } from "./resource-blocks";
import { providerFor, referencedIds } from "./state-references";

const SERVICES: EndpointService[] = ["s3", "dynamodb", "ecr.api", "ecr.dkr", "ssm"];

function literalTags(body: HclBody): Record<string, string> {
  const value = attributeValue(body, "tags") ?? "";
  const tags: Record<string, string> = {};
  for (const match of value.matchAll(/"?([\w:.\-/]+)"?\s*=\s*"((?:[^"\\]|\\.)*)"/g))
    tags[match[1] ?? ""] = match[2] ?? "";
  return tags;
}

function numberAttribute(body: HclBody, name: string): number {
  const value = Number(attributeValue(body, name));
  return Number.isFinite(value) ? value : 0;
}

export function addEndpoint(
  org: Organisation,
  state: TerraformStateV4,
  block: ResourceBlock,
  merge: { sha: string; day: string },
  effects: MergeEffects,
): void {
  const address = `${block.type}.${block.name}`;
  const vpcId = referencedIds(state, attributeValue(block.body, "vpc_id") ?? "", "aws_vpc", "vpc")[0];
  const vpc = org.vpcs.find((v) => v.id === vpcId);
  const serviceName = (attributeValue(block.body, "service_name") ?? "").replace(/\$\{[^}]*\}/g, vpc?.region ?? "");
  const service = SERVICES.find((s) => serviceName.replace(/"/g, "").endsWith(`.${s}`));
  if (!vpc || !service) {
    effects.ignored.push(address);
    return;
  }
  const type =
    stringLiteral(attributeValue(block.body, "vpc_endpoint_type") ?? "") === "Interface" ? "Interface" : "Gateway";
  let routeTableIds = referencedIds(
    state,
    attributeValue(block.body, "route_table_ids") ?? "",
    "aws_route_table",
    "rtb",
  );
  if (type === "Gateway" && routeTableIds.length === 0) {
    routeTableIds = org.routeTables.filter((r) => r.vpcId === vpc.id && r.natGatewayId).map((r) => r.id);
  }
  const subnetIds = referencedIds(state, attributeValue(block.body, "subnet_ids") ?? "", "aws_subnet", "subnet");
  const endpoint: VpcEndpoint = {
    id: `vpce-${hexOf(`${merge.sha}:${address}`, 17)}`,
    vpcId: vpc.id,
    accountId: vpc.accountId,
    region: vpc.region,
    service,
    serviceName: `com.amazonaws.${vpc.region}.${service}`,
    type,
    routeTableIds: type === "Gateway" ? routeTableIds : [],
    subnetIds: type === "Interface" ? subnetIds : [],
    createdDay: merge.day,
    managedBy: "terraform",
    tags: literalTags(block.body),
  };
  org.vpcEndpoints.push(endpoint);
  state.resources.push({
    mode: "managed",
    type: block.type,
    name: block.name,
    provider: providerFor(state, vpc.accountId),
    instances: [
      {
        schema_version: 0,
        attributes: {
          id: endpoint.id,
          vpc_id: endpoint.vpcId,
          service_name: endpoint.serviceName,
          vpc_endpoint_type: endpoint.type,
          route_table_ids: endpoint.routeTableIds,
          subnet_ids: endpoint.subnetIds,
          tags: endpoint.tags,
        },
        sensitive_attributes: [],
      },
    ],
  });
  effects.endpointsAdded.push(endpoint.id);
}

export function addSchedule(
  org: Organisation,
  state: TerraformStateV4,
  block: ResourceBlock,
  day: string,
  effects: MergeEffects,
): void {
  const address = `${block.type}.${block.name}`;
  const groupExpression = attributeValue(block.body, "autoscaling_group_name") ?? "";
  const groupName =
    stringLiteral(groupExpression) ??
    referencedIds(state, groupExpression, "aws_autoscaling_group", "__none__")[0] ??
    nodeGroupAsgName(state, groupExpression);
  const name = stringLiteral(attributeValue(block.body, "scheduled_action_name") ?? "") ?? block.name;
  const asg = org.autoScalingGroups.find((g) => g.name === groupName);
  // A node group's auto-scaling group is the cluster's: its schedule is recorded on the cluster.
  const cluster = org.clusters.find(
    (c) => c.name === groupName || asg?.instanceIds.some((id) => c.nodeInstanceIds.includes(id)),
  );
  const owner = cluster ?? asg;
  if (!owner || !groupName) {
    effects.ignored.push(address);
    return;
  }
  const timeZone = stringLiteral(attributeValue(block.body, "time_zone") ?? "");
  owner.schedules = [
    ...(owner.schedules ?? []).filter((s) => s.name !== name),
    {
      name,
      recurrence: stringLiteral(attributeValue(block.body, "recurrence") ?? "") ?? "",
      minSize: numberAttribute(block.body, "min_size"),
      maxSize: numberAttribute(block.body, "max_size"),
      desiredCapacity: numberAttribute(block.body, "desired_capacity"),
      ...(timeZone ? { timeZone } : {}),
      fromDay: day,
    },
  ];
  state.resources.push({
    mode: "managed",
    type: block.type,
    name: block.name,
    provider: providerFor(state, asg?.accountId ?? cluster?.accountId ?? ""),
    instances: [
      {
        schema_version: 0,
        attributes: { id: name, scheduled_action_name: name, autoscaling_group_name: groupName },
        sensitive_attributes: [],
      },
    ],
  });
  effects.schedulesAdded.push({ group: groupName, name });
}

/** `aws_eks_node_group.x.resources[0].autoscaling_groups[0].name`: the group EKS made for the node group. */
function nodeGroupAsgName(state: TerraformStateV4, expression: string): string | undefined {
  const match = /\baws_eks_node_group\.([\w-]+)\.resources/.exec(expression);
  const nodeGroup = state.resources.find((r) => !r.module && r.type === "aws_eks_node_group" && r.name === match?.[1]);
  const resources = nodeGroup?.instances[0]?.attributes.resources;
  if (!Array.isArray(resources)) return undefined;
  const groups: unknown = (resources[0] as { autoscaling_groups?: unknown } | undefined)?.autoscaling_groups;
  if (!Array.isArray(groups)) return undefined;
  const first: unknown = groups[0];
  return first !== null && typeof first === "object" && "name" in first && typeof first.name === "string"
    ? first.name
    : undefined;
}
