// The inventory ingest: list every resource type in every configured region (EC2 instances and volumes,
// the network, RDS, target groups, Auto Scaling groups), then write the whole inventory in one
// transaction. Listing everything first means a run that fails half-way marks nothing gone.
import type { JobContext } from "../../jobs/job-definition";
import type { RegionInventory } from "./inventory-row";
import { mapRegionSnapshot } from "./map-region-snapshot";
import { fetchRegionSnapshot, INVENTORY_STEPS_PER_REGION, type InventoryClients } from "./region-snapshot";
import { INVENTORY_KINDS } from "./resource-attributes";
import { type InventoryWriteSummary, writeInventory } from "./write-inventory";

export interface InventoryIngestDeps {
  regions: readonly string[];
  /** clients signed for a region; their owner counts requests and destroys them */
  clientsFor(region: string): InventoryClients;
  /** the run's time (lastSeenAt, and the day a vanished resource is marked gone); now by default */
  now?: () => Date;
}

export async function ingestInventory(context: JobContext, deps: InventoryIngestDeps): Promise<InventoryWriteSummary> {
  const { prisma, signal } = context;
  const runAt = deps.now?.() ?? new Date();
  const total = deps.regions.length * INVENTORY_STEPS_PER_REGION + 1;
  let done = 0;

  const inventory: RegionInventory = { rows: [], gone: [] };
  for (const region of deps.regions) {
    const snapshot = await fetchRegionSnapshot(deps.clientsFor(region), region, {
      signal,
      onStep: (label) => context.progress(++done, total, `${region}: ${label}`),
    });
    const mapped = mapRegionSnapshot(snapshot);
    inventory.rows.push(...mapped.rows);
    inventory.gone.push(...mapped.gone);
    context.log(`Inventory: ${region}: ${mapped.rows.length} resources listed`);
  }

  signal.throwIfAborted();
  const summary = await writeInventory(prisma, { regions: deps.regions, kinds: INVENTORY_KINDS }, inventory, runAt);
  context.countRows(summary.created + summary.updated + summary.unchanged + summary.markedGone);
  context.progress(total, total, "written");
  context.log(
    `Inventory: ${summary.created} new, ${summary.updated} changed, ${summary.unchanged} unchanged, ${summary.markedGone} gone`,
  );
  return summary;
}
