// EC2 instances to resource rows: type, architecture, state and when it was entered, launch time, tags,
// and membership (Auto Scaling group, EKS cluster and node group, target groups). Terminated instances,
// which EC2 lists for a while after the fact, are sightings of an end rather than rows.
import type { Ec2InstancePayload, Ec2Reservation } from "./ec2-payloads";
import type { InstanceMemberships } from "./instance-memberships";
import {
  ec2Arn,
  type GoneSighting,
  type InventoryRow,
  type RegionInventory,
  type Tags,
  tagColumns,
  tagMap,
} from "./inventory-row";
import { ec2InstanceAttributes } from "./resource-attributes";

const ENDED_STATES = new Set(["shutting-down", "terminated"]);
const ASG_TAG = "aws:autoscaling:groupName";
const EKS_CLUSTER_TAG = "eks:cluster-name";
const EKS_NODEGROUP_TAG = "eks:nodegroup-name";
const KUBERNETES_CLUSTER_TAG = /^kubernetes\.io\/cluster\/(.+)$/;

/** The time in EC2's StateTransitionReason, "User initiated (2026-10-01 14:05:00 GMT)", else null. */
export function stateTransitionTime(reason: string | undefined): Date | null {
  const match = /\((\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) GMT\)/.exec(reason ?? "");
  if (!match) return null;
  const time = new Date(`${match[1]}T${match[2]}Z`);
  return Number.isNaN(time.getTime()) ? null : time;
}

function eksCluster(tags: Tags): string | null {
  if (tags[EKS_CLUSTER_TAG]) return tags[EKS_CLUSTER_TAG];
  for (const [key, value] of Object.entries(tags)) {
    const match = KUBERNETES_CLUSTER_TAG.exec(key);
    if (match && value === "owned") return match[1]!;
  }
  return null;
}

/** When the instance entered its state: a stop's time is in the reason; a (re)start is its LaunchTime. */
function stateChangedAt(instance: Ec2InstancePayload): Date | null {
  const state = instance.State.Name;
  if (state === "running" || state === "pending") return instance.LaunchTime;
  return stateTransitionTime(instance.StateTransitionReason);
}

function instanceRow(
  region: string,
  accountId: string,
  instance: Ec2InstancePayload,
  memberships: InstanceMemberships,
): InventoryRow {
  const tags = tagMap(instance.Tags);
  const id = instance.InstanceId;
  const attributes = ec2InstanceAttributes.parse({
    architecture: instance.Architecture ?? null,
    az: instance.Placement?.AvailabilityZone ?? null,
    vpcId: instance.VpcId ?? null,
    subnetId: instance.SubnetId ?? null,
    asgName: memberships.asgByInstance.get(id) ?? tags[ASG_TAG] ?? null,
    eksCluster: eksCluster(tags),
    eksNodegroup: tags[EKS_NODEGROUP_TAG] ?? null,
    targetGroupArns: memberships.targetGroupsByInstance.get(id) ?? [],
    volumeIds: (instance.BlockDeviceMappings ?? []).flatMap((mapping) => (mapping.Ebs ? [mapping.Ebs.VolumeId] : [])),
    platform: instance.PlatformDetails ?? (instance.Platform === "windows" ? "Windows" : null),
  });
  return {
    kind: "EC2_INSTANCE",
    resourceId: id,
    accountId,
    region,
    arn: ec2Arn(region, accountId, "instance", id),
    name: tags.Name ?? null,
    state: instance.State.Name,
    sizeType: instance.InstanceType,
    ...tagColumns(tags),
    attributes,
    launchedAt: instance.LaunchTime,
    stateChangedAt: stateChangedAt(instance),
  };
}

export function mapEc2Instances(
  region: string,
  reservations: readonly Ec2Reservation[],
  memberships: InstanceMemberships,
): RegionInventory {
  const rows: InventoryRow[] = [];
  const gone: GoneSighting[] = [];
  for (const reservation of reservations) {
    for (const instance of reservation.Instances) {
      if (ENDED_STATES.has(instance.State.Name)) {
        gone.push({
          kind: "EC2_INSTANCE",
          resourceId: instance.InstanceId,
          accountId: reservation.OwnerId,
          region,
          at: stateTransitionTime(instance.StateTransitionReason),
        });
      } else {
        rows.push(instanceRow(region, reservation.OwnerId, instance, memberships));
      }
    }
  }
  return { rows, gone };
}
