// VPCs, subnets, route tables, NAT gateways and the few VPC endpoints. NAT traffic is sized so the unit's
// NAT gateways process about $42K a month, most of it bound for S3, ECR, DynamoDB and SSM, which only the
// VPCs with endpoints (perf and shared services) keep off their NAT gateways.
import { addDays } from "./days";
import type { EndpointService, NatGateway, NatTraffic, RouteTable, Subnet, Vpc, VpcEndpoint } from "./model";
import { squadBySlug, PLATFORM_SQUAD } from "./squads";
import { accountFor, standardTags, type AccountRole, type UnitContext } from "./unit-context";

/** GB per day the unit's NAT gateways process: $41.5K a month at $0.045/GB. */
const UNIT_NAT_GB_PER_DAY = 30_320;
export const BYTES_PER_GB = 1024 ** 3;

interface VpcLayout {
  role: AccountRole;
  region: string;
  azCount: number;
  natGateways: number; // 0, 1 (shared by all private subnets) or one per AZ
  trafficShare: number;
  withEndpoints: boolean;
}

const VPC_LAYOUT: readonly VpcLayout[] = [
  { role: "production", region: "us-east-1", azCount: 3, natGateways: 3, trafficShare: 0.4, withEndpoints: false },
  { role: "production", region: "us-west-2", azCount: 3, natGateways: 3, trafficShare: 0.1, withEndpoints: false },
  { role: "production-data", region: "us-east-1", azCount: 3, natGateways: 3, trafficShare: 0.2, withEndpoints: false },
  { role: "staging", region: "us-east-1", azCount: 3, natGateways: 3, trafficShare: 0.13, withEndpoints: false },
  { role: "dev", region: "us-east-1", azCount: 2, natGateways: 1, trafficShare: 0.09, withEndpoints: false },
  { role: "qa", region: "us-east-1", azCount: 2, natGateways: 1, trafficShare: 0.04, withEndpoints: false },
  { role: "perf", region: "us-east-1", azCount: 2, natGateways: 1, trafficShare: 0.02, withEndpoints: true },
  { role: "shared-services", region: "us-east-1", azCount: 2, natGateways: 2, trafficShare: 0.02, withEndpoints: true },
  { role: "security", region: "us-east-1", azCount: 2, natGateways: 0, trafficShare: 0, withEndpoints: false },
];

const ENDPOINT_SERVICES: ReadonlyArray<{ service: EndpointService; type: "Gateway" | "Interface" }> = [
  { service: "s3", type: "Gateway" },
  { service: "dynamodb", type: "Gateway" },
  { service: "ecr.api", type: "Interface" },
  { service: "ecr.dkr", type: "Interface" },
  { service: "ssm", type: "Interface" },
];

/** What the subnets send; in VPCs with endpoints, nat-traffic.ts moves the AWS-bound part off the NAT. */
function trafficMix(ctx: UnitContext, gbPerDay: number): NatTraffic {
  const gb = (share: number) => Math.round(gbPerDay * share * ctx.random.float(0.9, 1.1)) * BYTES_PER_GB;
  return { s3: gb(0.52), dynamodb: gb(0.06), ecr: gb(0.16), ssm: gb(0.02), internet: gb(0.24) };
}

export function generateNetwork(ctx: UnitContext): void {
  const platform = squadBySlug(PLATFORM_SQUAD);
  for (const layout of VPC_LAYOUT) {
    const account = accountFor(ctx, layout.role);
    const env = account.environment;
    const octet = ctx.org.vpcs.length % 250;
    const vpcName = `${account.name}-${layout.region}`;
    const vpc: Vpc = {
      id: ctx.ids.resourceId("vpc-", 17),
      accountId: account.id,
      region: layout.region,
      cidr: `10.${octet}.0.0/16`,
      environment: env,
      tags: standardTags(platform, env, vpcName),
    };
    ctx.org.vpcs.push(vpc);

    const azs = ["a", "b", "c"].slice(0, layout.azCount).map((letter) => `${layout.region}${letter}`);
    const subnet = (az: string, index: number, isPrivate: boolean): Subnet => ({
      id: ctx.ids.resourceId("subnet-", 17),
      vpcId: vpc.id,
      accountId: account.id,
      region: layout.region,
      az,
      cidr: `10.${octet}.${index}.0/24`,
      isPrivate,
      tags: standardTags(platform, env, `${vpcName}-${isPrivate ? "private" : "public"}-${az}`),
    });
    const publicSubnets = azs.map((az, i) => subnet(az, i, false));
    const privateSubnets = azs.map((az, i) => subnet(az, 10 + i, true));
    ctx.org.subnets.push(...publicSubnets, ...privateSubnets);
    ctx.networks.set(`${account.id}/${layout.region}`, { account, vpc, privateSubnets });

    const routeTable = (subnetIds: string[], name: string, natGatewayId?: string): RouteTable => ({
      id: ctx.ids.resourceId("rtb-", 17),
      vpcId: vpc.id,
      accountId: account.id,
      region: layout.region,
      subnetIds,
      ...(natGatewayId ? { natGatewayId } : {}),
      tags: standardTags(platform, env, name),
    });
    ctx.org.routeTables.push(
      routeTable(
        publicSubnets.map((s) => s.id),
        `${vpcName}-public`,
      ),
    );

    const natGateways: NatGateway[] = [];
    const vpcGbPerDay = UNIT_NAT_GB_PER_DAY * layout.trafficShare;
    for (let i = 0; i < layout.natGateways; i++) {
      const publicSubnet = publicSubnets[i % publicSubnets.length];
      if (!publicSubnet) throw new Error("VPC without a public subnet");
      natGateways.push({
        id: ctx.ids.resourceId("nat-", 17),
        vpcId: vpc.id,
        subnetId: publicSubnet.id,
        accountId: account.id,
        region: layout.region,
        createdDay: addDays(ctx.today, -ctx.random.int(500, 1800)),
        bytesPerDay: trafficMix(ctx, vpcGbPerDay / layout.natGateways),
        managedBy: layout.role === "dev" ? "console" : "terraform",
        tags: standardTags(platform, env, `${vpcName}-nat-${i + 1}`),
      });
    }
    ctx.org.natGateways.push(...natGateways);

    const privateTables: RouteTable[] =
      layout.natGateways > 1
        ? privateSubnets.map((s, i) => routeTable([s.id], `${vpcName}-private-${s.az}`, natGateways[i]?.id))
        : [
            routeTable(
              privateSubnets.map((s) => s.id),
              `${vpcName}-private`,
              natGateways[0]?.id,
            ),
          ];
    ctx.org.routeTables.push(...privateTables);

    if (!layout.withEndpoints) continue;
    for (const { service, type } of ENDPOINT_SERVICES) {
      const endpoint: VpcEndpoint = {
        id: ctx.ids.resourceId("vpce-", 17),
        vpcId: vpc.id,
        accountId: account.id,
        region: layout.region,
        service,
        serviceName: `com.amazonaws.${layout.region}.${service}`,
        type,
        routeTableIds: type === "Gateway" ? privateTables.map((t) => t.id) : [],
        subnetIds: type === "Interface" ? privateSubnets.map((s) => s.id) : [],
        createdDay: addDays(ctx.today, -ctx.random.int(200, 400)),
        managedBy: "terraform",
        tags: standardTags(platform, env, `${vpcName}-${service}`),
      };
      ctx.org.vpcEndpoints.push(endpoint);
    }
  }
}
