// The cost group a resource's spend lands in: the Cost Explorer rows of its account and team tag (the
// grain the ingest keeps: day, account, service, team, usage group) in the lines its kind bills under.
// The realisation rule watches this group for the drop a merged fix should cause.
import type { ResourceKind } from "../db/generated/enums";
import { EC2_OTHER_SERVICE, NAT_GATEWAY_USAGE_GROUP } from "../ingest/cost-explorer/usage-groups";

export const SERVICES = {
  ec2Compute: "Amazon Elastic Compute Cloud - Compute",
  ec2Other: EC2_OTHER_SERVICE,
  rds: "Amazon Relational Database Service",
  vpc: "Amazon Virtual Private Cloud",
} as const;

/** A service's rows, or one usage group's part of them ("" = the service without its usage groups). */
export interface CostLine {
  service: string;
  usageGroup: string;
}

const line = (service: string, usageGroup = ""): CostLine => ({ service, usageGroup });

/** Instances bill their hours under Compute and their EBS volumes under EC2 - Other; NAT gateways bill
 * their own usage group of EC2 - Other, and the endpoints that replace their traffic under Amazon Virtual
 * Private Cloud. Keeping NAT apart from the volumes keeps one fix's drop clear of the other's noise. */
const LINES_BY_KIND: Partial<Record<ResourceKind, CostLine[]>> = {
  EC2_INSTANCE: [line(SERVICES.ec2Compute), line(SERVICES.ec2Other)],
  EBS_VOLUME: [line(SERVICES.ec2Other)],
  RDS_INSTANCE: [line(SERVICES.rds)],
  NAT_GATEWAY: [line(SERVICES.ec2Other, NAT_GATEWAY_USAGE_GROUP), line(SERVICES.vpc)],
  AUTO_SCALING_GROUP: [line(SERVICES.ec2Compute), line(SERVICES.ec2Other)],
};

export interface CostGroup {
  accountId: string;
  teamTag: string;
  lines: CostLine[];
}

export function costGroupOf(resource: { kind: ResourceKind; accountId: string; teamTag: string }): CostGroup | null {
  const lines = LINES_BY_KIND[resource.kind];
  if (!lines) return null;
  return { accountId: resource.accountId, teamTag: resource.teamTag, lines };
}
