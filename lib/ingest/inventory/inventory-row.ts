// What the inventory mappers produce: one row per AWS resource, shaped like the `resources` table minus
// the columns the writer owns (id, firstSeenAt, lastSeenAt, goneOn).
import type { ResourceKind } from "../../db/generated/client";

export type Tags = Record<string, string>;

export interface InventoryRow {
  kind: ResourceKind;
  resourceId: string;
  accountId: string;
  region: string;
  arn: string | null;
  name: string | null;
  state: string;
  sizeType: string | null;
  tags: Tags;
  teamTag: string;
  environmentTag: string;
  /** validated by the kind's schema in resource-attributes.ts */
  attributes: Record<string, unknown>;
  launchedAt: Date | null;
  /** null when the API does not say: the writer keeps the stored time, or records the run's time on a change */
  stateChangedAt: Date | null;
}

/** A listing that shows a resource has ended (a terminated instance, a deleted NAT gateway), and when. */
export interface GoneSighting {
  kind: ResourceKind;
  resourceId: string;
  accountId: string;
  region: string;
  /** when it ended, where the listing says (a termination's time); else the run's time is used */
  at: Date | null;
}

/** Inventory of one region: what exists, and what the listings show as ended. */
export interface RegionInventory {
  rows: InventoryRow[];
  gone: GoneSighting[];
}

/**
 * The account of a resource whose API answer does not name one (an unattached EBS volume: DescribeVolumes
 * has no OwnerId). The writer keeps a stored account for the same resource id where there is one.
 */
export const UNKNOWN_ACCOUNT = "";

/** The state a resource is stored with once it is gone. */
export const GONE_STATE = "gone";

export const TEAM_TAG = "team";
export const ENVIRONMENT_TAG = "environment";

export function naturalKey(row: Pick<InventoryRow, "kind" | "accountId" | "region" | "resourceId">): string {
  return `${row.kind}|${row.accountId}|${row.region}|${row.resourceId}`;
}

export function tagMap(tags: ReadonlyArray<{ Key: string; Value?: string | undefined }> | undefined): Tags {
  const map: Tags = {};
  for (const tag of tags ?? []) map[tag.Key] = tag.Value ?? "";
  return map;
}

/** The columns every row derives from its tags. */
export function tagColumns(tags: Tags): Pick<InventoryRow, "tags" | "teamTag" | "environmentTag"> {
  return { tags, teamTag: tags[TEAM_TAG] ?? "", environmentTag: tags[ENVIRONMENT_TAG] ?? "" };
}

/** The account id inside an ARN ("arn:aws:rds:us-east-1:123456789012:db:orders"). */
export function arnAccount(arn: string): string {
  return arn.split(":")[4] ?? UNKNOWN_ACCOUNT;
}

function partition(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/** The ARN of an EC2 resource that its Describe answer does not carry ("instance", "volume", ...). */
export function ec2Arn(region: string, accountId: string, type: string, id: string): string | null {
  if (accountId === UNKNOWN_ACCOUNT) return null;
  return `arn:${partition(region)}:ec2:${region}:${accountId}:${type}/${id}`;
}
