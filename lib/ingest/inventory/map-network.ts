// The network resources to rows: VPCs, subnets, route tables (their NAT gateway and gateway endpoints),
// NAT gateways and VPC endpoints. What a NAT-waste detector reads: which subnets route through which NAT
// gateway, and which endpoints a VPC already has.
import type {
  NatGatewayPayload,
  RouteTablePayload,
  SubnetPayload,
  VpcEndpointPayload,
  VpcPayload,
} from "./ec2-payloads";
import {
  ec2Arn,
  type GoneSighting,
  type InventoryRow,
  type RegionInventory,
  tagColumns,
  tagMap,
  UNKNOWN_ACCOUNT,
} from "./inventory-row";
import {
  natGatewayAttributes,
  routeTableAttributes,
  subnetAttributes,
  vpcAttributes,
  vpcEndpointAttributes,
} from "./resource-attributes";

const NAT_ENDED_STATES = new Set(["deleting", "deleted", "failed"]);
const ENDPOINT_ENDED_STATES = new Set(["deleting", "deleted", "rejected", "failed", "expired"]);

type Common = Pick<
  InventoryRow,
  "region" | "accountId" | "resourceId" | "tags" | "teamTag" | "environmentTag" | "name"
>;

function common(region: string, accountId: string, resourceId: string, awsTags: Parameters<typeof tagMap>[0]): Common {
  const tags = tagMap(awsTags);
  return { region, accountId, resourceId, name: tags.Name ?? null, ...tagColumns(tags) };
}

export function mapVpcs(region: string, vpcs: readonly VpcPayload[]): InventoryRow[] {
  return vpcs.map((vpc) => ({
    kind: "VPC",
    ...common(region, vpc.OwnerId, vpc.VpcId, vpc.Tags),
    arn: ec2Arn(region, vpc.OwnerId, "vpc", vpc.VpcId),
    state: vpc.State,
    sizeType: null,
    attributes: vpcAttributes.parse({ cidr: vpc.CidrBlock ?? null, isDefault: vpc.IsDefault ?? false }),
    launchedAt: null,
    stateChangedAt: null,
  }));
}

export function mapSubnets(region: string, subnets: readonly SubnetPayload[]): InventoryRow[] {
  return subnets.map((subnet) => ({
    kind: "SUBNET",
    ...common(region, subnet.OwnerId, subnet.SubnetId, subnet.Tags),
    arn: subnet.SubnetArn ?? ec2Arn(region, subnet.OwnerId, "subnet", subnet.SubnetId),
    state: subnet.State,
    sizeType: null,
    attributes: subnetAttributes.parse({
      vpcId: subnet.VpcId,
      az: subnet.AvailabilityZone ?? null,
      cidr: subnet.CidrBlock ?? null,
      mapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch ?? false,
    }),
    launchedAt: null,
    stateChangedAt: null,
  }));
}

export function mapRouteTables(region: string, tables: readonly RouteTablePayload[]): InventoryRow[] {
  return tables.map((table) => {
    const routes = table.Routes ?? [];
    const associations = table.Associations ?? [];
    return {
      kind: "ROUTE_TABLE",
      ...common(region, table.OwnerId, table.RouteTableId, table.Tags),
      arn: ec2Arn(region, table.OwnerId, "route-table", table.RouteTableId),
      // Route tables have no lifecycle state in EC2: listed means in place.
      state: "available",
      sizeType: null,
      attributes: routeTableAttributes.parse({
        vpcId: table.VpcId,
        subnetIds: associations.flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
        natGatewayId:
          routes.find((r) => r.NatGatewayId && r.DestinationCidrBlock === "0.0.0.0/0")?.NatGatewayId ??
          routes.find((r) => r.NatGatewayId)?.NatGatewayId ??
          null,
        gatewayEndpointIds: routes.flatMap((r) => (r.GatewayId?.startsWith("vpce-") ? [r.GatewayId] : [])),
        isMain: associations.some((a) => a.Main === true),
      }),
      launchedAt: null,
      stateChangedAt: null,
    };
  });
}

/** NAT gateways name no owner: the account owning their subnet (or VPC) owns them. */
export function mapNatGateways(
  region: string,
  gateways: readonly NatGatewayPayload[],
  owners: { subnets: ReadonlyMap<string, string>; vpcs: ReadonlyMap<string, string> },
): RegionInventory {
  const rows: InventoryRow[] = [];
  const gone: GoneSighting[] = [];
  for (const nat of gateways) {
    const accountId =
      (nat.SubnetId && owners.subnets.get(nat.SubnetId)) ||
      (nat.VpcId && owners.vpcs.get(nat.VpcId)) ||
      UNKNOWN_ACCOUNT;
    if (NAT_ENDED_STATES.has(nat.State)) {
      gone.push({ kind: "NAT_GATEWAY", resourceId: nat.NatGatewayId, accountId, region, at: nat.DeleteTime ?? null });
      continue;
    }
    rows.push({
      kind: "NAT_GATEWAY",
      ...common(region, accountId, nat.NatGatewayId, nat.Tags),
      arn: ec2Arn(region, accountId, "natgateway", nat.NatGatewayId),
      state: nat.State,
      sizeType: null,
      attributes: natGatewayAttributes.parse({
        vpcId: nat.VpcId ?? null,
        subnetId: nat.SubnetId ?? null,
        connectivityType: nat.ConnectivityType ?? null,
      }),
      launchedAt: nat.CreateTime ?? null,
      stateChangedAt: null,
    });
  }
  return { rows, gone };
}

export function mapVpcEndpoints(region: string, endpoints: readonly VpcEndpointPayload[]): RegionInventory {
  const rows: InventoryRow[] = [];
  const gone: GoneSighting[] = [];
  for (const endpoint of endpoints) {
    const state = endpoint.State.toLowerCase();
    if (ENDPOINT_ENDED_STATES.has(state)) {
      gone.push({
        kind: "VPC_ENDPOINT",
        resourceId: endpoint.VpcEndpointId,
        accountId: endpoint.OwnerId,
        region,
        at: null,
      });
      continue;
    }
    rows.push({
      kind: "VPC_ENDPOINT",
      ...common(region, endpoint.OwnerId, endpoint.VpcEndpointId, endpoint.Tags),
      arn: ec2Arn(region, endpoint.OwnerId, "vpc-endpoint", endpoint.VpcEndpointId),
      state,
      sizeType: null,
      attributes: vpcEndpointAttributes.parse({
        vpcId: endpoint.VpcId,
        serviceName: endpoint.ServiceName,
        type: endpoint.VpcEndpointType,
        routeTableIds: endpoint.RouteTableIds ?? [],
        subnetIds: endpoint.SubnetIds ?? [],
      }),
      launchedAt: endpoint.CreationTimestamp ?? null,
      stateChangedAt: null,
    });
  }
  return { rows, gone };
}
