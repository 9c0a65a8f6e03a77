// DescribeVpcs and DescribeSubnets: the network skeleton the NAT and endpoint answers refer to.
import type { Organisation, Subnet, Vpc } from "../../../org/model";
import { ec2Response, type QueryParams } from "../../../protocols/aws-query";
import { xmlList } from "../../../protocols/xml";
import { SimError, type SimResponse } from "../../../server/types";
import { describeCollection, type Ec2Collection } from "./describe-collection";
import { derivedId, tagSet } from "./xml-shapes";

const vpcs: Ec2Collection<Vpc> = {
  idParameter: "VpcId",
  id: (v) => v.id,
  notFound: (ids) => new SimError("InvalidVpcID.NotFound", `The vpc ID '${ids.join(", ")}' does not exist`),
  fields: {
    "vpc-id": (v) => v.id,
    "cidr-block": (v) => v.cidr,
    cidr: (v) => v.cidr,
    state: () => "available",
    "owner-id": (v) => v.accountId,
    "is-default": () => "false",
  },
  tags: (v) => v.tags,
  defaultPageSize: 25,
  maxPageSize: 1000,
};

const subnets: Ec2Collection<Subnet> = {
  idParameter: "SubnetId",
  id: (s) => s.id,
  notFound: (ids) => new SimError("InvalidSubnetID.NotFound", `The subnet ID '${ids.join(", ")}' does not exist`),
  fields: {
    "subnet-id": (s) => s.id,
    "vpc-id": (s) => s.vpcId,
    "availability-zone": (s) => s.az,
    "cidr-block": (s) => s.cidr,
    state: () => "available",
    "owner-id": (s) => s.accountId,
    "map-public-ip-on-launch": (s) => String(!s.isPrivate),
  },
  tags: (s) => s.tags,
  defaultPageSize: 50,
  maxPageSize: 1000,
};

export function describeVpcs(params: QueryParams, org: Organisation, region: string): SimResponse {
  const page = describeCollection(
    params,
    org.vpcs.filter((v) => v.region === region),
    vpcs,
  );
  return ec2Response("DescribeVpcs", {
    vpcSet: xmlList(
      "item",
      page.items.map((v) => ({
        vpcId: v.id,
        ownerId: v.accountId,
        state: "available",
        cidrBlock: v.cidr,
        cidrBlockAssociationSet: xmlList("item", [
          {
            cidrBlock: v.cidr,
            associationId: derivedId("vpc-cidr-assoc", v.id),
            cidrBlockState: { state: "associated" },
          },
        ]),
        dhcpOptionsId: derivedId("dopt", v.accountId),
        instanceTenancy: "default",
        isDefault: false,
        tagSet: tagSet(v.tags),
      })),
    ),
    nextToken: page.nextToken,
  });
}

function freeAddresses(cidr: string): number {
  const bits = Number(cidr.split("/")[1] ?? 24);
  return 2 ** (32 - bits) - 5;
}

export function describeSubnets(params: QueryParams, org: Organisation, region: string): SimResponse {
  const page = describeCollection(
    params,
    org.subnets.filter((s) => s.region === region),
    subnets,
  );
  return ec2Response("DescribeSubnets", {
    subnetSet: xmlList(
      "item",
      page.items.map((s) => ({
        subnetId: s.id,
        subnetArn: `arn:aws:ec2:${s.region}:${s.accountId}:subnet/${s.id}`,
        state: "available",
        ownerId: s.accountId,
        vpcId: s.vpcId,
        cidrBlock: s.cidr,
        availableIpAddressCount: freeAddresses(s.cidr),
        availabilityZone: s.az,
        defaultForAz: false,
        mapPublicIpOnLaunch: !s.isPrivate,
        tagSet: tagSet(s.tags),
      })),
    ),
    nextToken: page.nextToken,
  });
}
