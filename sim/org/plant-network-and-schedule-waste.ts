// Planted waste that follows from the network and cluster layout: NAT gateway traffic that VPC endpoints
// would carry for free (gateway endpoints) or cheaper (interface endpoints), and non-production clusters
// that run 24x7 though nobody uses them nights and weekends.
import { CLUSTER_LAYOUT } from "./generate-clusters";
import { BYTES_PER_GB } from "./generate-network";
import { HOURS_PER_MONTH, unitPriceMicros } from "./prices";
import { instanceHourlyMicros } from "./resource-prices";
import type { UnitContext } from "./unit-context";

const INTERFACE_ENDPOINT_SERVICES = 3; // ecr.api, ecr.dkr, ssm
/** Office hours are 08:00-19:00 on weekdays: 55 of the week's 168 hours. */
export const OFF_HOURS_PER_WEEK = 168 - 5 * 11;

export function plantNetworkAndScheduleWaste(ctx: UnitContext, firstNatIndex: number, firstClusterIndex: number): void {
  const { org } = ctx;
  const natGbMicros = unitPriceMicros(org, "nat-gb", "us-east-1");
  const endpointGbMicros = unitPriceMicros(org, "endpoint-gb", "us-east-1");
  const endpointHourMicros = unitPriceMicros(org, "endpoint-hour", "us-east-1");
  const vpcsWithEndpoints = new Set(org.vpcEndpoints.map((e) => e.vpcId));
  const natGateways = org.natGateways.slice(firstNatIndex);

  for (const nat of natGateways) {
    if (vpcsWithEndpoints.has(nat.vpcId)) continue;
    const natsInVpc = natGateways.filter((n) => n.vpcId === nat.vpcId).length;
    const azCount = org.subnets.filter((s) => s.vpcId === nat.vpcId && s.isPrivate).length;
    const t = nat.bytesPerDay;
    const avoidableGbPerDay = (t.s3 + t.dynamodb + t.ecr + t.ssm) / BYTES_PER_GB;
    const interfaceGbPerDay = (t.ecr + t.ssm) / BYTES_PER_GB;
    const perDay = avoidableGbPerDay * natGbMicros - interfaceGbPerDay * endpointGbMicros;
    const endpointHoursShare =
      (INTERFACE_ENDPOINT_SERVICES * azCount * endpointHourMicros * HOURS_PER_MONTH) / natsInVpc;
    org.planted.push({
      type: "nat-waste",
      resourceId: nat.id,
      monthlySavingMicros: Math.round((perDay * HOURS_PER_MONTH) / 24 - endpointHoursShare),
      detail: `${Math.round(avoidableGbPerDay)} GB/day to S3, DynamoDB, ECR and SSM through NAT; VPC ${nat.vpcId} has no endpoints`,
    });
  }

  for (const cluster of org.clusters.slice(firstClusterIndex)) {
    const layoutName = CLUSTER_LAYOUT.find((l) => cluster.name === `${l.name}${ctx.suffix}`)?.name;
    if (layoutName !== "staging" && layoutName !== "dev") continue;
    const firstNode = org.instances.find((i) => i.id === cluster.nodeInstanceIds[0]);
    if (!firstNode) throw new Error(`cluster ${cluster.name} has no nodes`);
    const fleetMonthly = instanceHourlyMicros(org, firstNode) * HOURS_PER_MONTH * cluster.nodeInstanceIds.length;
    org.planted.push({
      type: "non-prod-always-on",
      resourceId: cluster.name,
      monthlySavingMicros: Math.round((fleetMonthly * OFF_HOURS_PER_WEEK) / 168),
      detail: `${cluster.nodeInstanceIds.length} ${cluster.nodeInstanceType} nodes run 24x7; scaling to zero outside 08:00-19:00 weekdays saves ${OFF_HOURS_PER_WEEK}/168 of their cost`,
    });
  }
}
