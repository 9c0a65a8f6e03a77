// DescribeVpcEndpoints: gateway endpoints (S3, DynamoDB) list their route tables, interface endpoints
// (ECR, SSM) their subnets. What a NAT-waste detector checks for a VPC.
import type { Organisation, VpcEndpoint } from "../../../org/model";
import { createdSeconds, isLive } from "../../../org/resource-times";
import { ec2Response, type QueryParams } from "../../../protocols/aws-query";
import { xmlList } from "../../../protocols/xml";
import { SimError, type SimResponse } from "../../../server/types";
import { describeCollection, type Ec2Collection } from "./describe-collection";
import { isoTime, stringSet, tagSet } from "./xml-shapes";

const collection: Ec2Collection<VpcEndpoint> = {
  idParameter: "VpcEndpointId",
  id: (e) => e.id,
  notFound: (ids) =>
    new SimError("InvalidVpcEndpointId.NotFound", `The Vpc Endpoint Id '${ids.join(", ")}' does not exist`),
  fields: {
    "vpc-endpoint-id": (e) => e.id,
    "vpc-id": (e) => e.vpcId,
    "service-name": (e) => e.serviceName,
    "vpc-endpoint-type": (e) => e.type,
    "vpc-endpoint-state": () => "available",
  },
  tags: (e) => e.tags,
  defaultPageSize: 25,
  maxPageSize: 1000,
};

export function describeVpcEndpoints(params: QueryParams, org: Organisation, region: string): SimResponse {
  const endpoints = org.vpcEndpoints.filter((e) => e.region === region && isLive(e.goneDay, org.today));
  const page = describeCollection(params, endpoints, collection);
  return ec2Response("DescribeVpcEndpoints", {
    vpcEndpointSet: xmlList(
      "item",
      page.items.map((e) => ({
        vpcEndpointId: e.id,
        vpcEndpointType: e.type,
        vpcId: e.vpcId,
        serviceName: e.serviceName,
        state: "available",
        routeTableIdSet: stringSet(e.routeTableIds),
        subnetIdSet: stringSet(e.subnetIds),
        privateDnsEnabled: e.type === "Interface",
        requesterManaged: false,
        creationTimestamp: isoTime(createdSeconds(e.createdDay, e.id)),
        tagSet: tagSet(e.tags),
        ownerId: e.accountId,
      })),
    ),
    nextToken: page.nextToken,
  });
}
