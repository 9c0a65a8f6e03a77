// The OpenCost ingest: per-namespace daily allocation of every cluster (or the configured ones), one day
// per request so no call asks OpenCost for a huge window. Days before the newest stored one are closed
// and fetched once; the newest stored day and today are fetched again on every run.
import type { PrismaClient } from "../../db/generated/client";
import { inBatches, rowsPerStatement } from "../../db/statement-batches";
import { addDays, firstOfMonth, fromIsoDay, toIsoDay, todayUtc, type IsoDay } from "../../format/dates";
import type { JobContext, JobWindow } from "../../jobs/job-definition";
import type { OpenCostClient } from "./opencost-client";
import { toNamespaceCostRow, type NamespaceCostRow } from "./namespace-cost-rows";

export interface OpenCostIngestDeps {
  client: OpenCostClient;
  /** cluster names to keep; empty keeps every cluster OpenCost reports */
  clusters: string[];
  today?: IsoDay;
  backfillMonths?: number;
}

const DAYS_PER_TRANSACTION = 31;
/** a namespace_cost_daily row binds at most its 16 columns */
const NAMESPACE_ROWS_PER_STATEMENT = rowsPerStatement(16);

async function daysToFetch(prisma: PrismaClient, deps: OpenCostIngestDeps, window?: JobWindow): Promise<IsoDay[]> {
  const today = deps.today ?? todayUtc();
  let from: IsoDay;
  let to: IsoDay;
  if (window) {
    ({ from, to } = window);
  } else {
    const newest = await prisma.namespaceCostDaily.aggregate({ _max: { day: true } });
    from = newest._max.day ? toIsoDay(newest._max.day) : firstOfMonth(today, -((deps.backfillMonths ?? 13) - 1));
    to = addDays(today, 1);
  }
  const days: IsoDay[] = [];
  for (let day = from; day < to; day = addDays(day, 1)) days.push(day);
  return days;
}

async function replaceDays(prisma: PrismaClient, days: IsoDay[], rows: NamespaceCostRow[], jobRunId: string) {
  await prisma.$transaction(
    async (tx) => {
      await tx.namespaceCostDaily.deleteMany({ where: { day: { in: days.map(fromIsoDay) } } });
      for (const batch of inBatches(rows, NAMESPACE_ROWS_PER_STATEMENT)) {
        await tx.namespaceCostDaily.createMany({
          data: batch.map((row) => ({ ...row, day: fromIsoDay(row.day), jobRunId })),
        });
      }
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}

export async function ingestOpenCost(context: JobContext, deps: OpenCostIngestDeps) {
  const days = await daysToFetch(context.prisma, deps, context.window);
  const keep = deps.clusters.length ? new Set(deps.clusters) : null;
  context.log(`OpenCost: ${days.length} day(s), ${days[0] ?? "-"} to ${days.at(-1) ?? "-"}`);
  for (let start = 0; start < days.length; start += DAYS_PER_TRANSACTION) {
    const batch = days.slice(start, start + DAYS_PER_TRANSACTION);
    const rows: NamespaceCostRow[] = [];
    for (const day of batch) {
      const response = await deps.client.namespaceAllocations(
        { start: `${day}T00:00:00Z`, end: `${addDays(day, 1)}T00:00:00Z` },
        context.signal,
      );
      for (const set of response.data) {
        for (const [name, allocation] of Object.entries(set ?? {})) {
          const row = toNamespaceCostRow(name, allocation);
          if (!keep || keep.has(row.cluster)) rows.push(row);
        }
      }
    }
    context.signal.throwIfAborted();
    await replaceDays(context.prisma, batch, rows, context.runId);
    context.countRows(rows.length);
    context.progress(Math.min(start + DAYS_PER_TRANSACTION, days.length), days.length, batch.at(-1));
  }
}
