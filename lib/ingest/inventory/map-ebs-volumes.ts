// EBS volumes to resource rows. DescribeVolumes names no owner account: an attached volume belongs to its
// instance's account; an unattached one to the region's only account when there is just one (credentials
// of a single account), else it is UNKNOWN_ACCOUNT and the writer keeps the account stored for it.
import type { EbsVolumePayload } from "./ec2-payloads";
import {
  ec2Arn,
  type GoneSighting,
  type InventoryRow,
  type RegionInventory,
  tagColumns,
  tagMap,
  UNKNOWN_ACCOUNT,
} from "./inventory-row";
import { ebsVolumeAttributes } from "./resource-attributes";

const ENDED_STATES = new Set(["deleting", "deleted"]);

export interface VolumeOwnership {
  /** instance id to its account (OwnerId of its reservation) */
  instanceAccounts: ReadonlyMap<string, string>;
  /** every account seen owning something in the region */
  regionAccounts: ReadonlySet<string>;
}

function volumeAccount(volume: EbsVolumePayload, ownership: VolumeOwnership): string {
  for (const attachment of volume.Attachments ?? []) {
    const account = ownership.instanceAccounts.get(attachment.InstanceId);
    if (account) return account;
  }
  if (ownership.regionAccounts.size === 1) return [...ownership.regionAccounts][0]!;
  return UNKNOWN_ACCOUNT;
}

function volumeRow(region: string, accountId: string, volume: EbsVolumePayload): InventoryRow {
  const tags = tagMap(volume.Tags);
  const attachment = volume.State === "in-use" ? volume.Attachments?.[0] : undefined;
  return {
    kind: "EBS_VOLUME",
    resourceId: volume.VolumeId,
    accountId,
    region,
    arn: ec2Arn(region, accountId, "volume", volume.VolumeId),
    name: tags.Name ?? null,
    state: volume.State,
    sizeType: volume.VolumeType,
    ...tagColumns(tags),
    attributes: ebsVolumeAttributes.parse({
      sizeGiB: volume.Size,
      volumeType: volume.VolumeType,
      az: volume.AvailabilityZone ?? null,
      attachedInstanceId: attachment?.InstanceId ?? null,
      createTime: volume.CreateTime.toISOString(),
      // EC2 does not say when a volume was detached: the writer records it when it sees the change.
      detachedAt: null,
    }),
    launchedAt: volume.CreateTime,
    // In use since it was attached; for an unattached volume only the inventory's history can tell.
    stateChangedAt: attachment?.AttachTime ?? null,
  };
}

export function mapEbsVolumes(
  region: string,
  volumes: readonly EbsVolumePayload[],
  ownership: VolumeOwnership,
): RegionInventory {
  const rows: InventoryRow[] = [];
  const gone: GoneSighting[] = [];
  for (const volume of volumes) {
    const accountId = volumeAccount(volume, ownership);
    if (ENDED_STATES.has(volume.State)) {
      gone.push({ kind: "EBS_VOLUME", resourceId: volume.VolumeId, accountId, region, at: null });
    } else {
      rows.push(volumeRow(region, accountId, volume));
    }
  }
  return { rows, gone };
}
