// One region's fetched answers to resource rows and sightings of ended resources.
import { instanceMemberships } from "./instance-memberships";
import type { RegionInventory } from "./inventory-row";
import { mapEbsVolumes } from "./map-ebs-volumes";
import { mapEc2Instances } from "./map-ec2-instances";
import { mapAutoScalingGroups, mapTargetGroups } from "./map-load-balancing";
import { mapNatGateways, mapRouteTables, mapSubnets, mapVpcEndpoints, mapVpcs } from "./map-network";
import { mapRdsInstances } from "./map-rds-instances";
import type { RegionSnapshot } from "./region-snapshot";

export function mapRegionSnapshot(snapshot: RegionSnapshot): RegionInventory {
  const { region } = snapshot;
  const instanceAccounts = new Map(
    snapshot.reservations.flatMap((r) => r.Instances.map((i) => [i.InstanceId, r.OwnerId] as const)),
  );
  const regionAccounts = new Set([
    ...snapshot.vpcs.map((vpc) => vpc.OwnerId),
    ...snapshot.subnets.map((subnet) => subnet.OwnerId),
    ...snapshot.reservations.map((reservation) => reservation.OwnerId),
  ]);
  const parts: RegionInventory[] = [
    { rows: mapVpcs(region, snapshot.vpcs), gone: [] },
    { rows: mapSubnets(region, snapshot.subnets), gone: [] },
    { rows: mapRouteTables(region, snapshot.routeTables), gone: [] },
    mapNatGateways(region, snapshot.natGateways, {
      subnets: new Map(snapshot.subnets.map((s) => [s.SubnetId, s.OwnerId])),
      vpcs: new Map(snapshot.vpcs.map((v) => [v.VpcId, v.OwnerId])),
    }),
    mapVpcEndpoints(region, snapshot.vpcEndpoints),
    mapEc2Instances(
      region,
      snapshot.reservations,
      instanceMemberships(snapshot.autoScalingGroups, snapshot.targetGroups),
    ),
    mapEbsVolumes(region, snapshot.volumes, { instanceAccounts, regionAccounts }),
    mapRdsInstances(region, snapshot.dbInstances),
    { rows: mapTargetGroups(region, snapshot.targetGroups), gone: [] },
    mapAutoScalingGroups(region, snapshot.autoScalingGroups),
  ];
  return { rows: parts.flatMap((part) => part.rows), gone: parts.flatMap((part) => part.gone) };
}
