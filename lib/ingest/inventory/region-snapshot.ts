// Everything the inventory lists in one region, fetched before anything is mapped or written: a run that
// fails half-way (a 5xx storm, a malformed page) stops here and the stored inventory stays as it was.
import type { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import type { EC2Client } from "@aws-sdk/client-ec2";
import type { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { RDSClient } from "@aws-sdk/client-rds";
import type {
  EbsVolumePayload,
  Ec2Reservation,
  NatGatewayPayload,
  RouteTablePayload,
  SubnetPayload,
  VpcEndpointPayload,
  VpcPayload,
} from "./ec2-payloads";
import { type AutoScalingGroupWithWarmPool, fetchAutoScalingGroups } from "./fetch-auto-scaling-groups";
import { fetchEbsVolumes } from "./fetch-ebs-volumes";
import { fetchEc2Instances } from "./fetch-ec2-instances";
import { fetchNatGateways } from "./fetch-nat-gateways";
import { fetchRdsInstances } from "./fetch-rds-instances";
import { fetchRouteTables } from "./fetch-route-tables";
import { fetchSubnets } from "./fetch-subnets";
import { fetchTargetGroups, type TargetGroupWithTargets } from "./fetch-target-groups";
import { fetchVpcEndpoints } from "./fetch-vpc-endpoints";
import { fetchVpcs } from "./fetch-vpcs";
import type { DbInstancePayload } from "./rds-payloads";

/** SDK clients signed for one region: AWS answers each Describe call for that region only. */
export interface InventoryClients {
  ec2: EC2Client;
  rds: RDSClient;
  elbv2: ElasticLoadBalancingV2Client;
  autoScaling: AutoScalingClient;
}

export interface RegionSnapshot {
  region: string;
  vpcs: VpcPayload[];
  subnets: SubnetPayload[];
  routeTables: RouteTablePayload[];
  natGateways: NatGatewayPayload[];
  vpcEndpoints: VpcEndpointPayload[];
  reservations: Ec2Reservation[];
  volumes: EbsVolumePayload[];
  dbInstances: DbInstancePayload[];
  targetGroups: TargetGroupWithTargets[];
  autoScalingGroups: AutoScalingGroupWithWarmPool[];
}

/** Resource types fetched per region: each reports progress when it is done. */
export const INVENTORY_STEPS_PER_REGION = 10;

export async function fetchRegionSnapshot(
  { ec2, rds, elbv2, autoScaling }: InventoryClients,
  region: string,
  options: { signal?: AbortSignal; onStep?: (label: string) => void } = {},
): Promise<RegionSnapshot> {
  const { signal, onStep } = options;
  const step = async <T>(label: string, fetch: () => Promise<T>): Promise<T> => {
    signal?.throwIfAborted();
    const result = await fetch();
    onStep?.(label);
    return result;
  };
  return {
    region,
    vpcs: await step("VPCs", () => fetchVpcs(ec2, signal)),
    subnets: await step("subnets", () => fetchSubnets(ec2, signal)),
    routeTables: await step("route tables", () => fetchRouteTables(ec2, signal)),
    natGateways: await step("NAT gateways", () => fetchNatGateways(ec2, signal)),
    vpcEndpoints: await step("VPC endpoints", () => fetchVpcEndpoints(ec2, signal)),
    reservations: await step("EC2 instances", () => fetchEc2Instances(ec2, signal)),
    volumes: await step("EBS volumes", () => fetchEbsVolumes(ec2, signal)),
    dbInstances: await step("RDS instances", () => fetchRdsInstances(rds, signal)),
    targetGroups: await step("target groups", () => fetchTargetGroups(elbv2, signal)),
    autoScalingGroups: await step("Auto Scaling groups", () => fetchAutoScalingGroups(autoScaling, signal)),
  };
}
