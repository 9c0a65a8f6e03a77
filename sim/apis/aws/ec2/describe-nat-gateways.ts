// DescribeNatGateways. Like terminated instances, a deleted gateway stays listed as "deleted" on its
// goneDay. Traffic is not part of this API: it is CloudWatch's (AWS/NATGateway).
import type { NatGateway, Organisation } from "../../../org/model";
import { createdSeconds, dayStartSeconds, isLive } from "../../../org/resource-times";
import { hashString } from "../../../org/random";
import { ec2Response, type QueryParams } from "../../../protocols/aws-query";
import { xmlList } from "../../../protocols/xml";
import { SimError, type SimResponse } from "../../../server/types";
import { describeCollection, type Ec2Collection } from "./describe-collection";
import { derivedId, isoTime, tagSet } from "./xml-shapes";

function state(nat: NatGateway, today: string): "available" | "deleted" {
  return isLive(nat.goneDay, today) ? "available" : "deleted";
}

function collection(today: string): Ec2Collection<NatGateway> {
  return {
    idParameter: "NatGatewayId",
    id: (n) => n.id,
    notFound: (ids) => new SimError("NatGatewayNotFound", `The Nat Gateway ${ids.join(", ")} was not found`),
    fields: {
      "nat-gateway-id": (n) => n.id,
      state: (n) => state(n, today),
      "subnet-id": (n) => n.subnetId,
      "vpc-id": (n) => n.vpcId,
    },
    tags: (n) => n.tags,
    defaultPageSize: 25,
    maxPageSize: 1000,
  };
}

function publicIp(id: string): string {
  const h = hashString(id);
  return `54.${(h >>> 16) & 0xff}.${(h >>> 8) & 0xff}.${(h & 0xfd) + 1}`;
}

export function describeNatGateways(params: QueryParams, org: Organisation, region: string): SimResponse {
  const gateways = org.natGateways.filter(
    (n) => n.region === region && (isLive(n.goneDay, org.today) || n.goneDay === org.today),
  );
  const page = describeCollection(params, gateways, collection(org.today));
  return ec2Response("DescribeNatGateways", {
    natGatewaySet: xmlList(
      "item",
      page.items.map((n) => ({
        createTime: isoTime(createdSeconds(n.createdDay, n.id)),
        deleteTime: n.goneDay && !isLive(n.goneDay, org.today) ? isoTime(dayStartSeconds(n.goneDay)) : undefined,
        natGatewayAddressSet: xmlList("item", [
          {
            allocationId: derivedId("eipalloc", n.id),
            networkInterfaceId: derivedId("eni", n.id),
            publicIp: publicIp(n.id),
            isPrimary: true,
            status: "succeeded",
          },
        ]),
        natGatewayId: n.id,
        state: state(n, org.today),
        subnetId: n.subnetId,
        vpcId: n.vpcId,
        tagSet: tagSet(n.tags),
        connectivityType: "public",
      })),
    ),
    nextToken: page.nextToken,
  });
}
