// Usage groups: parts of a Cost Explorer service that CostLens stores as their own cost rows, because a
// service line mixes costs with different owners. "EC2 - Other" holds EBS volumes (owned by whoever runs
// them) and NAT gateways (a VPC's shared egress); DESIGN.md counts NAT among the shared costs, so its usage
// is split out of the line at ingest and allocation can treat it on its own.
//
// A group is recognised by its usage types (`USE1-NatGateway-Hours`, `EUW1-NatGateway-Bytes`, ...): Cost
// Explorer can filter usage types only by exact value, so the ingest first lists the window's usage types
// whose name contains `usageTypeContains`, then asks for exactly those.

export interface UsageGroup {
  /** the name stored in cost_daily.usage_group and offered on the Settings page */
  name: string;
  /** the Cost Explorer service whose line holds this usage */
  service: string;
  usageTypeContains: string;
}

export const EC2_OTHER_SERVICE = "EC2 - Other";

export const NAT_GATEWAY_USAGE_GROUP = "NAT Gateway";

export const USAGE_GROUPS = [
  { name: NAT_GATEWAY_USAGE_GROUP, service: EC2_OTHER_SERVICE, usageTypeContains: "NatGateway" },
] as const satisfies readonly UsageGroup[];

export type UsageGroupName = (typeof USAGE_GROUPS)[number]["name"];

export const USAGE_GROUP_NAMES = USAGE_GROUPS.map((group) => group.name) as [UsageGroupName, ...UsageGroupName[]];

/** How an allocated row names a usage group's cost: its service with the group, e.g. "EC2 - Other (NAT Gateway)". */
export function serviceWithUsageGroup(service: string, usageGroup: string): string {
  return usageGroup === "" ? service : `${service} (${usageGroup})`;
}
