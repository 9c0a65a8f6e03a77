import { describe, expect, it } from "vitest";
import { mapNatGateways, mapRouteTables, mapVpcEndpoints } from "@/lib/ingest/inventory/map-network";
import { mapRdsInstances } from "@/lib/ingest/inventory/map-rds-instances";
import { parseResourceAttributes } from "@/lib/ingest/inventory/resource-attributes";

const ACCOUNT = "111111111111";

describe("network resources to rows", () => {
  it("gives a NAT gateway its subnet's account, and turns a deleted one into a sighting", () => {
    const owners = { subnets: new Map([["subnet-1", ACCOUNT]]), vpcs: new Map([["vpc-1", "999999999999"]]) };
    const { rows, gone } = mapNatGateways(
      "us-east-1",
      [
        { NatGatewayId: "nat-1", State: "available", VpcId: "vpc-1", SubnetId: "subnet-1", ConnectivityType: "public" },
        { NatGatewayId: "nat-2", State: "deleted", VpcId: "vpc-1", DeleteTime: new Date("2026-11-19T00:00:00Z") },
      ],
      owners,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "NAT_GATEWAY", accountId: ACCOUNT, state: "available" });
    expect(parseResourceAttributes("NAT_GATEWAY", rows[0]!.attributes)).toEqual({
      vpcId: "vpc-1",
      subnetId: "subnet-1",
      connectivityType: "public",
    });
    expect(gone).toEqual([
      {
        kind: "NAT_GATEWAY",
        resourceId: "nat-2",
        accountId: "999999999999",
        region: "us-east-1",
        at: new Date("2026-11-19T00:00:00Z"),
      },
    ]);
  });

  it("reads a route table's NAT gateway, gateway endpoints and subnets", () => {
    const [row] = mapRouteTables("us-east-1", [
      {
        RouteTableId: "rtb-1",
        VpcId: "vpc-1",
        OwnerId: ACCOUNT,
        Routes: [
          { DestinationCidrBlock: "10.0.0.0/16", GatewayId: "local" },
          { DestinationCidrBlock: "0.0.0.0/0", NatGatewayId: "nat-1" },
          { GatewayId: "vpce-s3" },
        ],
        Associations: [{ SubnetId: "subnet-1", Main: false }, { SubnetId: "subnet-2" }],
      },
    ]);
    expect(row).toMatchObject({ kind: "ROUTE_TABLE", accountId: ACCOUNT, state: "available" });
    expect(parseResourceAttributes("ROUTE_TABLE", row!.attributes)).toEqual({
      vpcId: "vpc-1",
      subnetIds: ["subnet-1", "subnet-2"],
      natGatewayId: "nat-1",
      gatewayEndpointIds: ["vpce-s3"],
      isMain: false,
    });
  });

  it("keeps a VPC endpoint's service, type and attachments", () => {
    const { rows } = mapVpcEndpoints("us-east-1", [
      {
        VpcEndpointId: "vpce-1",
        VpcEndpointType: "Gateway",
        VpcId: "vpc-1",
        ServiceName: "com.amazonaws.us-east-1.s3",
        State: "Available",
        OwnerId: ACCOUNT,
        RouteTableIds: ["rtb-1"],
        Tags: [{ Key: "environment", Value: "dev" }],
      },
    ]);
    expect(rows[0]).toMatchObject({ state: "available", environmentTag: "dev" });
    expect(parseResourceAttributes("VPC_ENDPOINT", rows[0]!.attributes)).toEqual({
      vpcId: "vpc-1",
      serviceName: "com.amazonaws.us-east-1.s3",
      type: "Gateway",
      routeTableIds: ["rtb-1"],
      subnetIds: [],
    });
  });
});

describe("RDS instances to rows", () => {
  it("takes the account from the ARN and keeps replica links both ways", () => {
    const arn = `arn:aws:rds:us-east-1:${ACCOUNT}:db:orders-replica`;
    const { rows } = mapRdsInstances("us-east-1", [
      {
        DBInstanceIdentifier: "orders-replica",
        DBInstanceArn: arn,
        DBInstanceClass: "db.r5.large",
        Engine: "postgres",
        EngineVersion: "15.6",
        DBInstanceStatus: "available",
        AllocatedStorage: 200,
        StorageType: "gp3",
        MultiAZ: false,
        ReadReplicaSourceDBInstanceIdentifier: "orders",
        ReadReplicaDBInstanceIdentifiers: [],
        TagList: [{ Key: "team", Value: "orders" }],
      },
    ]);
    expect(rows[0]).toMatchObject({ accountId: ACCOUNT, arn, sizeType: "db.r5.large", teamTag: "orders" });
    expect(parseResourceAttributes("RDS_INSTANCE", rows[0]!.attributes)).toEqual({
      engine: "postgres",
      engineVersion: "15.6",
      replicaSource: "orders",
      replicas: [],
      multiAz: false,
      storageGiB: 200,
      storageType: "gp3",
      arn,
      az: null,
    });
  });
});
