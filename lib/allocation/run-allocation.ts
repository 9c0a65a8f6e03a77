// The allocation run: squads from the tags seen, then AllocatedCostDaily recomputed for every day that has
// Cost Explorer facts (or the run's window), a month at a time: read the month's facts, allocate each day,
// and replace the month's rows in one transaction. Rerunning gives the same rows; a rule or policy change
// followed by a run rewrites history. The dashboards' daily rollups are written with the rows; days allocated
// before the rollups existed get theirs at the end of the run.
import { Decimal } from "../db/decimal";
import { addDays, toIsoDay, type IsoDay } from "../format/dates";
import type { JobContext, JobWindow } from "../jobs/job-definition";
import { monthChunks } from "../ingest/cost-explorer/cost-window";
import { allocateDay } from "./allocate-day";
import { getAllocationSettings } from "./allocation-settings";
import type { AllocatedRow } from "./allocation-types";
import { loadClusterBilling, loadDayFacts, loadOwnership } from "./load-allocation-facts";
import { buildOwnershipIndex } from "./ownership-index";
import { upsertSquadsFromTags } from "./upsert-squads";
import { replaceAllocatedRows } from "./write-allocated-rows";
import { backfillSpendRollups } from "./write-spend-rollups";

export interface AllocationRunSummary {
  days: number;
  rows: number;
  squadsTouched: number;
  uncarvedClusters: string[];
}

export type AllocationContext = Pick<
  JobContext,
  "prisma" | "window" | "signal" | "log" | "progress" | "countRows" | "runId"
>;

async function factWindow(context: Pick<JobContext, "prisma" | "window">): Promise<JobWindow | null> {
  if (context.window) return context.window;
  const range = await context.prisma.costDaily.aggregate({ _min: { day: true }, _max: { day: true } });
  if (!range._min.day || !range._max.day) return null;
  return { from: toIsoDay(range._min.day), to: addDays(toIsoDay(range._max.day), 1) };
}

export async function runAllocation(context: AllocationContext): Promise<AllocationRunSummary> {
  const { prisma } = context;
  const squadsTouched = await upsertSquadsFromTags(prisma);
  const window = await factWindow(context);
  if (!window) {
    context.log("Allocation: no Cost Explorer data yet");
    return { days: 0, rows: 0, squadsTouched, uncarvedClusters: [] };
  }
  const [settings, clusters, ownership] = await Promise.all([
    getAllocationSettings(prisma),
    loadClusterBilling(prisma),
    loadOwnership(prisma),
  ]);
  const index = buildOwnershipIndex(ownership.squads, ownership.rules);
  context.log(
    `Allocation: ${window.from} to ${window.to} (exclusive), ${ownership.squads.length} squads, ` +
      `${ownership.rules.length} rules, ${clusters.size} clusters, shared costs ${settings.split === "none" ? "kept" : `split ${settings.split}`}`,
  );
  const chunks = monthChunks(window);
  const uncarved = new Set<string>();
  let days = 0;
  let written = 0;
  const timings = { read: 0, allocate: 0, write: 0 };
  for (const [chunkIndex, chunk] of chunks.entries()) {
    context.signal.throwIfAborted();
    let started = performance.now();
    const facts = await loadDayFacts(prisma, chunk);
    timings.read += performance.now() - started;
    started = performance.now();
    const rows: Array<AllocatedRow & { day: string }> = [];
    const bills = new Map<IsoDay, Decimal>();
    for (const [day, dayFacts] of [...facts.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (dayFacts.costs.length === 0) continue;
      const result = allocateDay({
        ...dayFacts,
        clusters,
        squads: ownership.squads,
        rules: ownership.rules,
        settings,
        index,
      });
      for (const cluster of result.uncarved) uncarved.add(cluster);
      for (const row of result.rows) rows.push({ ...row, day });
      bills.set(
        day,
        dayFacts.costs.reduce((total, cost) => total.plus(cost.amount), new Decimal(0)),
      );
      days += 1;
      // Let timers and I/O run between days: the lease heartbeat, and an embedded database's other clients.
      await new Promise((resolve) => setImmediate(resolve));
    }
    timings.allocate += performance.now() - started;
    context.signal.throwIfAborted();
    started = performance.now();
    await replaceAllocatedRows(prisma, chunk, rows, bills, context.runId);
    timings.write += performance.now() - started;
    written += rows.length;
    context.countRows(rows.length);
    context.progress(chunkIndex + 1, chunks.length, `${chunk.from}..${chunk.to}`);
  }
  const backfilled = await backfillSpendRollups(prisma, context.runId);
  if (backfilled)
    context.log(`Allocation: daily rollups filled for ${backfilled} day(s) allocated before they existed`);
  if (uncarved.size) {
    context.log(
      `Allocation: OpenCost cost of ${[...uncarved].join(", ")} left as Cost Explorer shows it (no known account or EC2 line for its nodes)`,
    );
  }
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  context.log(
    `Allocation: ${days} day(s), ${written} row(s); read ${seconds(timings.read)}, ` +
      `allocate ${seconds(timings.allocate)}, write ${seconds(timings.write)}`,
  );
  return { days, rows: written, squadsTouched, uncarvedClusters: [...uncarved].sort() };
}
