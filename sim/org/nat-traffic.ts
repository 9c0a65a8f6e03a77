// NAT gateway traffic on a day. NatGateway.bytesPerDay is the traffic its subnets send; from the day a VPC
// endpoint for a destination exists in the gateway's VPC (and until it is gone), that destination's bytes
// go through the endpoint instead: s3 and dynamodb (gateway endpoints, free), ecr (through ecr.dkr, which
// carries the image layers) and ssm (interface endpoints, $0.01/GB).
import type { Day, EndpointService, NatGateway, NatTraffic, Organisation, VpcEndpoint } from "./model";

type Destination = Exclude<keyof NatTraffic, "internet">;

/** The destination whose bytes an endpoint takes off the NAT gateways; ecr.api carries no bulk bytes. */
export const ENDPOINT_DESTINATION: Readonly<Record<EndpointService, Destination | undefined>> = {
  s3: "s3",
  dynamodb: "dynamodb",
  "ecr.api": undefined,
  "ecr.dkr": "ecr",
  ssm: "ssm",
};

const indexes = new WeakMap<Organisation, { count: number; byVpc: Map<string, VpcEndpoint[]> }>();

export function endpointsOfVpc(org: Organisation, vpcId: string): VpcEndpoint[] {
  let index = indexes.get(org);
  if (index?.count !== org.vpcEndpoints.length) {
    const byVpc = new Map<string, VpcEndpoint[]>();
    for (const endpoint of org.vpcEndpoints)
      byVpc.set(endpoint.vpcId, [...(byVpc.get(endpoint.vpcId) ?? []), endpoint]);
    index = { count: org.vpcEndpoints.length, byVpc };
    indexes.set(org, index);
  }
  return index.byVpc.get(vpcId) ?? [];
}

export function endpointLiveOn(endpoint: VpcEndpoint, day: Day): boolean {
  return day >= endpoint.createdDay && (endpoint.goneDay === undefined || day < endpoint.goneDay);
}

/** The bytes the gateway processes on `day`, after the VPC's live endpoints took their destinations. */
export function natTrafficOnDay(org: Organisation, nat: NatGateway, day: Day): NatTraffic {
  const traffic = { ...nat.bytesPerDay };
  for (const endpoint of endpointsOfVpc(org, nat.vpcId)) {
    const destination = ENDPOINT_DESTINATION[endpoint.service];
    if (destination && endpointLiveOn(endpoint, day)) traffic[destination] = 0;
  }
  return traffic;
}

export function totalBytes(traffic: NatTraffic): number {
  return traffic.s3 + traffic.dynamodb + traffic.ecr + traffic.ssm + traffic.internet;
}
