// Decides what one complete inventory run changes, given the stored rows of the regions and kinds it
// listed: new resources are created, changed ones updated (a gone one that reappears is un-gone),
// unchanged ones only get their lastSeenAt, and stored ones the run did not see are marked gone on the
// run's day (or the day their listing says they ended). Nothing is ever deleted. Pure, so it is tested
// without a database.
import { toIsoDay, type IsoDay } from "../../format/dates";
import {
  type GoneSighting,
  type InventoryRow,
  naturalKey,
  type RegionInventory,
  UNKNOWN_ACCOUNT,
} from "./inventory-row";
import { sameJson } from "./same-json";

/** A stored row: the columns a run writes, plus the writer's own; its JSON columns as the database returns them. */
export interface StoredResource extends Omit<InventoryRow, "tags" | "attributes"> {
  id: string;
  tags: unknown;
  attributes: unknown;
  goneOn: Date | null;
}

export interface GoneMark {
  id: string;
  goneOn: IsoDay;
  /** stored as stateChangedAt: when it ended, or when the run noticed */
  at: Date;
}

export interface InventoryWritePlan {
  creates: InventoryRow[];
  updates: Array<{ id: string; row: InventoryRow }>;
  /** ids of rows seen unchanged: only lastSeenAt moves */
  unchanged: string[];
  gone: GoneMark[];
}

const looseKey = (row: Pick<InventoryRow, "kind" | "region" | "resourceId">) =>
  `${row.kind}|${row.region}|${row.resourceId}`;

function sameTime(a: Date | null, b: Date | null): boolean {
  return a === null || b === null ? a === b : a.getTime() === b.getTime();
}

function isUnchanged(stored: StoredResource, row: InventoryRow): boolean {
  return (
    stored.goneOn === null &&
    stored.accountId === row.accountId &&
    stored.arn === row.arn &&
    stored.name === row.name &&
    stored.state === row.state &&
    stored.sizeType === row.sizeType &&
    stored.teamTag === row.teamTag &&
    stored.environmentTag === row.environmentTag &&
    sameTime(stored.launchedAt, row.launchedAt) &&
    sameTime(stored.stateChangedAt, row.stateChangedAt) &&
    sameJson(stored.tags, row.tags) &&
    sameJson(stored.attributes, row.attributes)
  );
}

/**
 * What the API does not say, from the stored row: when the current state was entered (kept while the
 * state holds, the run's time when the run sees it change), and for a volume when it was detached.
 */
function withHistory(row: InventoryRow, stored: StoredResource | undefined, runAt: Date): InventoryRow {
  const sameState = stored !== undefined && stored.goneOn === null && stored.state === row.state;
  const stateChangedAt = row.stateChangedAt ?? (sameState ? stored.stateChangedAt : stored ? runAt : null);
  const resolved = { ...row, stateChangedAt };
  if (row.kind === "EBS_VOLUME") {
    resolved.attributes = {
      ...row.attributes,
      detachedAt: row.state === "available" && stateChangedAt ? stateChangedAt.toISOString() : null,
    };
  }
  return resolved;
}

class StoredIndex {
  private readonly byKey = new Map<string, StoredResource>();
  private readonly byLooseKey = new Map<string, StoredResource[]>();
  readonly matched = new Set<string>();

  constructor(stored: readonly StoredResource[]) {
    for (const row of stored) {
      this.byKey.set(naturalKey(row), row);
      const list = this.byLooseKey.get(looseKey(row)) ?? [];
      list.push(row);
      this.byLooseKey.set(looseKey(row), list);
    }
  }

  /**
   * The stored row of a resource: by natural key, else, where either side's account is unknown (an
   * unattached volume), the row with the same kind, region and id, so the resource keeps one row.
   */
  find(row: Pick<InventoryRow, "kind" | "accountId" | "region" | "resourceId">): StoredResource | undefined {
    const exact = this.byKey.get(naturalKey(row));
    if (exact && !this.matched.has(exact.id)) return exact;
    const candidates = (this.byLooseKey.get(looseKey(row)) ?? []).filter(
      (stored) =>
        !this.matched.has(stored.id) && (row.accountId === UNKNOWN_ACCOUNT || stored.accountId === UNKNOWN_ACCOUNT),
    );
    return candidates.find((stored) => stored.goneOn === null) ?? candidates[0];
  }
}

export function planInventoryWrites(
  stored: readonly StoredResource[],
  inventory: RegionInventory,
  runAt: Date,
): InventoryWritePlan {
  const plan: InventoryWritePlan = { creates: [], updates: [], unchanged: [], gone: [] };
  const index = new StoredIndex(stored);

  // A resource listed twice (a page boundary moving under a paginator) is written once.
  const rows = new Map(inventory.rows.map((row) => [naturalKey(row), row]));
  for (const fetched of rows.values()) {
    const match = index.find(fetched);
    const row =
      match && fetched.accountId === UNKNOWN_ACCOUNT
        ? { ...fetched, accountId: match.accountId, arn: fetched.arn ?? match.arn }
        : fetched;
    const resolved = withHistory(row, match, runAt);
    if (!match) {
      plan.creates.push(resolved);
      continue;
    }
    index.matched.add(match.id);
    if (isUnchanged(match, resolved)) plan.unchanged.push(match.id);
    else plan.updates.push({ id: match.id, row: resolved });
  }

  const endedAt = new Map<string, Date>();
  for (const sighting of inventory.gone) {
    const match = index.find(sighting);
    if (match) endedAt.set(match.id, sightingTime(sighting, runAt));
  }
  for (const row of stored) {
    if (index.matched.has(row.id) || row.goneOn !== null) continue;
    const at = endedAt.get(row.id) ?? runAt;
    plan.gone.push({ id: row.id, goneOn: toIsoDay(at), at });
  }
  return plan;
}

function sightingTime(sighting: GoneSighting, runAt: Date): Date {
  return sighting.at && sighting.at.getTime() <= runAt.getTime() ? sighting.at : runAt;
}
