// Replaces every stored Cost Explorer row of a window with a fresh fetch, in one transaction: readers see
// the old window or the new one, never a mix, and a run that dies half-way changes nothing. The month's
// record of the usage groups its rows were split by is written in the same transaction.
//
// Rows go in as one INSERT ... SELECT FROM unnest(arrays) per batch: a handful of array parameters instead
// of a parameter per cell, which Postgres (and PGlite) plan once and load several times faster than a
// many-row VALUES list. Amounts travel as decimal strings and are cast to numeric by Postgres: exact.
import type { Prisma, PrismaClient } from "../../db/generated/client";
import { inBatches } from "../../db/statement-batches";
import { fromIsoDay } from "../../format/dates";
import type { JobWindow } from "../../jobs/job-definition";
import { recordCostMonth } from "./cost-months";
import type { CostRow } from "./fetch-cost-rows";

const INSERT_BATCH = 20_000;

async function insertBatch(tx: Prisma.TransactionClient, rows: CostRow[], jobRunId: string) {
  const column = <K extends keyof CostRow>(key: K) => rows.map((row) => row[key]);
  await tx.$executeRaw`
    INSERT INTO cost_daily
      (day, account_id, service, team_tag, cost_centre_tag, usage_group, unblended_cost, amortized_cost, estimated,
       job_run_id)
    SELECT day, account_id, service, team_tag, cost_centre_tag, usage_group, unblended_cost, amortized_cost, estimated,
           ${jobRunId}
    FROM unnest(
      ${column("day")}::text[]::date[],
      ${column("accountId")}::text[],
      ${column("service")}::text[],
      ${column("teamTag")}::text[],
      ${column("costCentreTag")}::text[],
      ${column("usageGroup")}::text[],
      ${column("unblendedCost")}::text[]::numeric[],
      ${column("amortizedCost")}::text[]::numeric[],
      ${column("estimated")}::boolean[]
    ) AS batch(day, account_id, service, team_tag, cost_centre_tag, usage_group, unblended_cost, amortized_cost,
               estimated)`;
}

export interface CostWindowWrite {
  window: JobWindow;
  rows: CostRow[];
  /** the usage groups the rows were split by */
  usageGroups: readonly string[];
  jobRunId: string;
}

export async function replaceCostWindow(
  prisma: PrismaClient,
  { window, rows, usageGroups, jobRunId }: CostWindowWrite,
) {
  await prisma.$transaction(
    async (tx) => {
      await tx.costDaily.deleteMany({ where: { day: { gte: fromIsoDay(window.from), lt: fromIsoDay(window.to) } } });
      for (const batch of inBatches(rows, INSERT_BATCH)) await insertBatch(tx, batch, jobRunId);
      await recordCostMonth(tx, window, usageGroups, jobRunId);
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
