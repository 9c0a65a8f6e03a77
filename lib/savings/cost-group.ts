// The cost group a resource's spend lands in: the Cost Explorer rows of its account and team tag (the
// grain the ingest keeps: day, account, service, team) in the services its kind bills under. The
// realisation rule watches this group for the drop a merged fix should cause.
import type { ResourceKind } from "../db/generated/enums";

export const SERVICES = {
  ec2Compute: "Amazon Elastic Compute Cloud - Compute",
  ec2Other: "EC2 - Other",
  rds: "Amazon Relational Database Service",
  vpc: "Amazon Virtual Private Cloud",
} as const;

/** Instances bill their hours under Compute and their EBS volumes under EC2 - Other; NAT gateways bill under
 * EC2 - Other, and the endpoints that replace their traffic under Amazon Virtual Private Cloud. */
const SERVICES_BY_KIND: Partial<Record<ResourceKind, string[]>> = {
  EC2_INSTANCE: [SERVICES.ec2Compute, SERVICES.ec2Other],
  EBS_VOLUME: [SERVICES.ec2Other],
  RDS_INSTANCE: [SERVICES.rds],
  NAT_GATEWAY: [SERVICES.ec2Other, SERVICES.vpc],
  AUTO_SCALING_GROUP: [SERVICES.ec2Compute, SERVICES.ec2Other],
};

export interface CostGroup {
  accountId: string;
  teamTag: string;
  services: string[];
}

export function costGroupOf(resource: { kind: ResourceKind; accountId: string; teamTag: string }): CostGroup | null {
  const services = SERVICES_BY_KIND[resource.kind];
  if (!services) return null;
  return { accountId: resource.accountId, teamTag: resource.teamTag, services };
}
