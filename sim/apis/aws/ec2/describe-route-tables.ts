// DescribeRouteTables: the local route, the default route (the table's NAT gateway, else an internet
// gateway) and one prefix-list route per gateway endpoint attached to the table, which is how a reader
// tells whether S3/DynamoDB traffic from a subnet still goes through the NAT gateway.
import type { Organisation, RouteTable, VpcEndpoint } from "../../../org/model";
import { isLive } from "../../../org/resource-times";
import { ec2Response, type QueryParams } from "../../../protocols/aws-query";
import { xmlList, type XmlTree } from "../../../protocols/xml";
import { SimError, type SimResponse } from "../../../server/types";
import { describeCollection, type Ec2Collection } from "./describe-collection";
import { derivedId, tagSet } from "./xml-shapes";

function gatewayEndpoints(table: RouteTable, org: Organisation): VpcEndpoint[] {
  return org.vpcEndpoints.filter(
    (e) => e.type === "Gateway" && isLive(e.goneDay, org.today) && e.routeTableIds.includes(table.id),
  );
}

function collection(org: Organisation): Ec2Collection<RouteTable> {
  return {
    idParameter: "RouteTableId",
    id: (t) => t.id,
    notFound: (ids) =>
      new SimError("InvalidRouteTableID.NotFound", `The routeTable ID '${ids.join(", ")}' does not exist`),
    fields: {
      "route-table-id": (t) => t.id,
      "vpc-id": (t) => t.vpcId,
      "association.subnet-id": (t) => t.subnetIds,
      "route.nat-gateway-id": (t) => t.natGatewayId,
      "route.gateway-id": (t) => gatewayEndpoints(t, org).map((e) => e.id),
      "owner-id": (t) => t.accountId,
    },
    tags: (t) => t.tags,
    defaultPageSize: 25,
    maxPageSize: 100,
  };
}

function routes(table: RouteTable, org: Organisation): XmlTree[] {
  const vpc = org.vpcs.find((v) => v.id === table.vpcId);
  const active = { state: "active", origin: "CreateRoute" };
  const defaultRoute = table.natGatewayId
    ? { destinationCidrBlock: "0.0.0.0/0", natGatewayId: table.natGatewayId, ...active }
    : { destinationCidrBlock: "0.0.0.0/0", gatewayId: derivedId("igw", table.vpcId), ...active };
  return [
    { destinationCidrBlock: vpc?.cidr, gatewayId: "local", state: "active", origin: "CreateRouteTable" },
    defaultRoute,
    ...gatewayEndpoints(table, org).map((endpoint) => ({
      destinationPrefixListId: derivedId("pl", endpoint.serviceName).slice(0, 11),
      gatewayId: endpoint.id,
      ...active,
    })),
  ];
}

export function describeRouteTables(params: QueryParams, org: Organisation, region: string): SimResponse {
  const tables = org.routeTables.filter((t) => t.region === region);
  const page = describeCollection(params, tables, collection(org));
  return ec2Response("DescribeRouteTables", {
    routeTableSet: xmlList(
      "item",
      page.items.map((t) => ({
        routeTableId: t.id,
        vpcId: t.vpcId,
        ownerId: t.accountId,
        routeSet: xmlList("item", routes(t, org)),
        associationSet: xmlList(
          "item",
          t.subnetIds.map((subnetId) => ({
            routeTableAssociationId: derivedId("rtbassoc", `${t.id}:${subnetId}`),
            routeTableId: t.id,
            subnetId,
            main: false,
            associationState: { state: "associated" },
          })),
        ),
        propagatingVgwSet: xmlList("item", []),
        tagSet: tagSet(t.tags),
      })),
    ),
    nextToken: page.nextToken,
  });
}
