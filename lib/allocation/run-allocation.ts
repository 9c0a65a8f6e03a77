// The allocation run: squads from the tags seen, then AllocatedCostDaily recomputed a month at a time: read
// the month's facts, allocate each day, and replace the month's rows in one transaction. Without a window
// (the scheduled run) only the months whose inputs changed are recomputed: a month's facts (restated or new
// Cost Explorer and OpenCost rows) or the policy (settings, squads, rules, cluster billing) differ from what
// its rows were computed from (allocation_months, written in the rows' transaction), and a month whose facts
// are gone loses its rows. With a window (the CLI's --from/--to) exactly that window is recomputed.
// Rerunning gives the same rows; a rule or policy change followed by a run rewrites history. The dashboards'
// daily rollups are written with the rows; days allocated before the rollups existed get theirs at the end
// of the run.
import { Decimal } from "../db/decimal";
import { firstOfMonth, type IsoDay } from "../format/dates";
import type { JobContext, JobWindow } from "../jobs/job-definition";
import { monthChunks } from "../ingest/cost-explorer/cost-window";
import { allocateDay } from "./allocate-day";
import {
  currentInputs,
  describeDecisions,
  loadFactSignatures,
  loadRecordedMonths,
  monthsToRecompute,
  policyFingerprint,
  type MonthInputs,
} from "./allocation-inputs";
import { getAllocationSettings } from "./allocation-settings";
import type { AllocatedRow } from "./allocation-types";
import { loadClusterBilling, loadDayFacts, loadOwnership } from "./load-allocation-facts";
import { buildOwnershipIndex } from "./ownership-index";
import { upsertSquadsFromTags } from "./upsert-squads";
import { replaceAllocatedRows, type MonthRecord } from "./write-allocated-rows";
import { backfillSpendRollups } from "./write-spend-rollups";

export interface AllocationRunSummary {
  days: number;
  rows: number;
  /** the first day of every month whose allocation the run rewrote (in part, for a window's edges) */
  months: IsoDay[];
  squadsTouched: number;
  uncarvedClusters: string[];
}

export type AllocationContext = Pick<
  JobContext,
  "prisma" | "window" | "signal" | "log" | "progress" | "countRows" | "runId"
>;

/** One window to rewrite, and the month record to write with it when it is a whole month. */
interface Rewrite {
  window: JobWindow;
  record?: MonthRecord;
}

/** An explicit window, month by month; a chunk that is a whole month records its inputs. */
function windowRewrites(window: JobWindow, inputs: ReadonlyMap<IsoDay, MonthInputs>): Rewrite[] {
  return monthChunks(window).map((chunk) =>
    chunk.from.endsWith("-01") && chunk.to === firstOfMonth(chunk.from, 1)
      ? { window: chunk, record: { month: chunk.from, inputs: inputs.get(chunk.from) ?? null } }
      : { window: chunk },
  );
}

export async function runAllocation(context: AllocationContext): Promise<AllocationRunSummary> {
  const { prisma } = context;
  const squadsTouched = await upsertSquadsFromTags(prisma);
  // The fact signatures are read before any fact: an ingest that lands while the run reads makes a month's
  // record older than its rows (the next run recomputes it again), never newer.
  const [signatures, recorded, settings, clusters, ownership] = await Promise.all([
    loadFactSignatures(prisma),
    loadRecordedMonths(prisma),
    getAllocationSettings(prisma),
    loadClusterBilling(prisma),
    loadOwnership(prisma),
  ]);
  const inputs = currentInputs(policyFingerprint({ settings, clusters, ...ownership }), signatures);
  const shape =
    `${ownership.squads.length} squads, ${ownership.rules.length} rules, ${clusters.size} clusters, ` +
    `shared costs ${settings.split === "none" ? "kept" : `split ${settings.split}`}`;
  let rewrites: Rewrite[];
  if (context.window) {
    rewrites = windowRewrites(context.window, inputs);
    context.log(`Allocation: ${context.window.from} to ${context.window.to} (exclusive), ${shape}`);
  } else {
    const decisions = monthsToRecompute(inputs, recorded.stored, recorded.allocated);
    if (decisions.length === 0 && inputs.size === 0) {
      context.log("Allocation: no Cost Explorer data yet");
      return { days: 0, rows: 0, months: [], squadsTouched, uncarvedClusters: [] };
    }
    rewrites = decisions.map(({ month, inputs: monthInputs }) => ({
      window: { from: month, to: firstOfMonth(month, 1) },
      record: { month, inputs: monthInputs },
    }));
    context.log(`Allocation: ${describeDecisions(decisions, inputs.size)}; ${shape}`);
  }

  const index = buildOwnershipIndex(ownership.squads, ownership.rules);
  const uncarved = new Set<string>();
  let days = 0;
  let written = 0;
  const timings = { read: 0, allocate: 0, write: 0 };
  for (const [rewriteIndex, { window, record }] of rewrites.entries()) {
    context.signal.throwIfAborted();
    let started = performance.now();
    const facts = await loadDayFacts(prisma, window);
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
    await replaceAllocatedRows(prisma, window, rows, bills, context.runId, record);
    timings.write += performance.now() - started;
    written += rows.length;
    context.countRows(rows.length);
    context.progress(rewriteIndex + 1, rewrites.length, `${window.from}..${window.to}`);
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
    `Allocation: ${rewrites.length} month(s), ${days} day(s), ${written} row(s); read ${seconds(timings.read)}, ` +
      `allocate ${seconds(timings.allocate)}, write ${seconds(timings.write)}`,
  );
  const months = [...new Set(rewrites.map(({ window }) => `${window.from.slice(0, 7)}-01`))];
  return { days, rows: written, months, squadsTouched, uncarvedClusters: [...uncarved].sort() };
}
