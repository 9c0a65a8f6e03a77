// The kind-specific `attributes` of a stored resource, one zod schema per kind. The inventory ingest
// validates what it writes with them; detectors and pages parse what they read with them
// (parseResourceAttributes), so a reader never trusts a JSON column blindly. Times are ISO strings.
import { z } from "zod";
import type { ResourceKind } from "../../db/generated/client";

const id = z.string().min(1);
const ids = z.array(id);
const isoTime = z.iso.datetime();

export const ec2InstanceAttributes = z.object({
  architecture: z.string().nullable(),
  az: z.string().nullable(),
  vpcId: z.string().nullable(),
  subnetId: z.string().nullable(),
  /** from the Auto Scaling listing (members and warm pool), else the aws:autoscaling:groupName tag */
  asgName: z.string().nullable(),
  /** from the eks:cluster-name tag EKS puts on its nodes */
  eksCluster: z.string().nullable(),
  eksNodegroup: z.string().nullable(),
  /** target groups that list the instance in DescribeTargetHealth */
  targetGroupArns: ids,
  volumeIds: ids,
  /** EC2 PlatformDetails, e.g. "Linux/UNIX", "Windows" */
  platform: z.string().nullable(),
});

export const ebsVolumeAttributes = z.object({
  sizeGiB: z.number().int().nonnegative(),
  volumeType: z.string(),
  az: z.string().nullable(),
  attachedInstanceId: z.string().nullable(),
  createTime: isoTime,
  /** when the inventory saw it become unattached; null when it was never seen attached */
  detachedAt: isoTime.nullable(),
});

export const natGatewayAttributes = z.object({
  vpcId: z.string().nullable(),
  subnetId: z.string().nullable(),
  connectivityType: z.string().nullable(),
});

export const vpcEndpointAttributes = z.object({
  vpcId: id,
  serviceName: id,
  /** "Gateway" (S3, DynamoDB) or "Interface" */
  type: z.string(),
  routeTableIds: ids,
  subnetIds: ids,
});

export const vpcAttributes = z.object({
  cidr: z.string().nullable(),
  isDefault: z.boolean(),
});

export const subnetAttributes = z.object({
  vpcId: id,
  az: z.string().nullable(),
  cidr: z.string().nullable(),
  mapPublicIpOnLaunch: z.boolean(),
});

export const routeTableAttributes = z.object({
  vpcId: id,
  subnetIds: ids,
  /** the NAT gateway the table routes through, if any */
  natGatewayId: z.string().nullable(),
  /** gateway VPC endpoints (S3, DynamoDB) with a route in the table */
  gatewayEndpointIds: ids,
  isMain: z.boolean(),
});

export const rdsInstanceAttributes = z.object({
  engine: z.string(),
  engineVersion: z.string().nullable(),
  /** the source's DB identifier, on a read replica */
  replicaSource: z.string().nullable(),
  replicas: ids,
  multiAz: z.boolean(),
  storageGiB: z.number().int().nonnegative(),
  /** gp2, gp3, io1, ...; null when DescribeDBInstances did not say (rows stored before it was read) */
  storageType: z.string().nullable().default(null),
  arn: id,
  az: z.string().nullable(),
});

export const autoScalingGroupAttributes = z.object({
  instanceIds: ids,
  /** stopped on purpose, kept warm for scale-out: not waste */
  warmPoolInstanceIds: ids,
  targetGroupArns: ids,
  minSize: z.number().int().nonnegative(),
  maxSize: z.number().int().nonnegative(),
  desiredCapacity: z.number().int().nonnegative(),
});

export const targetGroupAttributes = z.object({
  /** registered targets of type instance, from DescribeTargetHealth */
  instanceIds: ids,
  vpcId: z.string().nullable(),
  targetType: z.string().nullable(),
  loadBalancerArns: ids,
});

export type Ec2InstanceAttributes = z.infer<typeof ec2InstanceAttributes>;
export type EbsVolumeAttributes = z.infer<typeof ebsVolumeAttributes>;
export type NatGatewayAttributes = z.infer<typeof natGatewayAttributes>;
export type VpcEndpointAttributes = z.infer<typeof vpcEndpointAttributes>;
export type VpcAttributes = z.infer<typeof vpcAttributes>;
export type SubnetAttributes = z.infer<typeof subnetAttributes>;
export type RouteTableAttributes = z.infer<typeof routeTableAttributes>;
export type RdsInstanceAttributes = z.infer<typeof rdsInstanceAttributes>;
export type AutoScalingGroupAttributes = z.infer<typeof autoScalingGroupAttributes>;
export type TargetGroupAttributes = z.infer<typeof targetGroupAttributes>;

/** The schema of each kind the inventory ingest writes (EKS clusters are not listed by it yet). */
export const resourceAttributeSchemas = {
  EC2_INSTANCE: ec2InstanceAttributes,
  EBS_VOLUME: ebsVolumeAttributes,
  NAT_GATEWAY: natGatewayAttributes,
  VPC_ENDPOINT: vpcEndpointAttributes,
  VPC: vpcAttributes,
  SUBNET: subnetAttributes,
  ROUTE_TABLE: routeTableAttributes,
  RDS_INSTANCE: rdsInstanceAttributes,
  AUTO_SCALING_GROUP: autoScalingGroupAttributes,
  TARGET_GROUP: targetGroupAttributes,
} as const satisfies Partial<Record<ResourceKind, z.ZodType>>;

export type InventoryKind = keyof typeof resourceAttributeSchemas;
export type ResourceAttributes<K extends InventoryKind> = z.infer<(typeof resourceAttributeSchemas)[K]>;

export const INVENTORY_KINDS = Object.keys(resourceAttributeSchemas) as InventoryKind[];

/** Reads a stored `attributes` column; throws a ZodError naming the field if it does not fit its kind. */
export function parseResourceAttributes<K extends InventoryKind>(kind: K, attributes: unknown): ResourceAttributes<K> {
  return resourceAttributeSchemas[kind].parse(attributes) as ResourceAttributes<K>;
}
