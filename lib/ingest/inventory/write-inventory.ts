// Writes one complete inventory run in a single transaction: readers see the inventory before the run or
// after it, never half of it, and a run that fails before this point has changed nothing.
import type { Prisma, PrismaClient } from "../../db/generated/client";
import { inBatches, rowsPerStatement } from "../../db/statement-batches";
import { fromIsoDay } from "../../format/dates";
import { GONE_STATE, type InventoryRow, type RegionInventory } from "./inventory-row";
import { type GoneMark, planInventoryWrites } from "./plan-inventory-writes";
import type { InventoryKind } from "./resource-attributes";

const BATCH = 5_000;
/** a created resource binds its columns plus id, firstSeenAt and lastSeenAt */
const CREATE_BATCH = rowsPerStatement(20);

export interface InventoryScope {
  /** the regions the run listed completely: only their stored rows can be marked gone */
  regions: readonly string[];
  kinds: readonly InventoryKind[];
}

export interface InventoryWriteSummary {
  created: number;
  updated: number;
  unchanged: number;
  markedGone: number;
}

function columns(row: InventoryRow) {
  return {
    kind: row.kind,
    resourceId: row.resourceId,
    accountId: row.accountId,
    region: row.region,
    arn: row.arn,
    name: row.name,
    state: row.state,
    sizeType: row.sizeType,
    tags: row.tags,
    teamTag: row.teamTag,
    environmentTag: row.environmentTag,
    attributes: row.attributes as Prisma.InputJsonObject,
    launchedAt: row.launchedAt,
    stateChangedAt: row.stateChangedAt,
  };
}

/** Gone marks grouped by their day and time, so each group is one UPDATE. */
function groupGone(marks: readonly GoneMark[]): GoneMark[][] {
  const groups = new Map<string, GoneMark[]>();
  for (const mark of marks) {
    const key = `${mark.goneOn}|${mark.at.toISOString()}`;
    groups.set(key, [...(groups.get(key) ?? []), mark]);
  }
  return [...groups.values()];
}

export async function writeInventory(
  prisma: PrismaClient,
  scope: InventoryScope,
  inventory: RegionInventory,
  runAt: Date,
): Promise<InventoryWriteSummary> {
  return prisma.$transaction(
    async (tx) => {
      const stored = await tx.resource.findMany({
        where: { region: { in: [...scope.regions] }, kind: { in: [...scope.kinds] } },
        select: {
          id: true,
          kind: true,
          resourceId: true,
          accountId: true,
          region: true,
          arn: true,
          name: true,
          state: true,
          sizeType: true,
          tags: true,
          teamTag: true,
          environmentTag: true,
          attributes: true,
          launchedAt: true,
          stateChangedAt: true,
          goneOn: true,
        },
      });
      const plan = planInventoryWrites(stored, inventory, runAt);

      for (const batch of inBatches(plan.creates, CREATE_BATCH)) {
        await tx.resource.createMany({
          data: batch.map((row) => ({ ...columns(row), firstSeenAt: runAt, lastSeenAt: runAt })),
        });
      }
      for (const { id, row } of plan.updates) {
        await tx.resource.update({
          where: { id },
          data: { ...columns(row), lastSeenAt: runAt, goneOn: null },
          select: { id: true },
        });
      }
      for (const batch of inBatches(plan.unchanged, BATCH)) {
        await tx.resource.updateMany({ where: { id: { in: batch } }, data: { lastSeenAt: runAt } });
      }
      for (const group of groupGone(plan.gone)) {
        const { goneOn, at } = group[0]!;
        for (const batch of inBatches(group, BATCH)) {
          await tx.resource.updateMany({
            where: { id: { in: batch.map((mark) => mark.id) } },
            data: { state: GONE_STATE, goneOn: fromIsoDay(goneOn), stateChangedAt: at },
          });
        }
      }
      return {
        created: plan.creates.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged.length,
        markedGone: plan.gone.length,
      };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
