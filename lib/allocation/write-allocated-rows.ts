// Replaces the allocated rows of a window in one transaction: delete, then one INSERT ... SELECT FROM
// unnest(arrays) per 20,000 rows (a row per bind parameter set is ten times slower on Postgres). The
// dashboards' rollups of the same days (owner_spend_daily, bill_daily) are rewritten in that transaction, so
// a reader never sees rows and rollups that disagree. When the window is a whole month, the month's
// allocation_months record (what the rows were computed from) is written in that transaction too: a run that
// dies half-way leaves a record out of date only for a month whose rows it did not write either.
import type { Decimal } from "../db/decimal";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { inBatches } from "../db/statement-batches";
import { fromIsoDay, type IsoDay } from "../format/dates";
import type { JobWindow } from "../jobs/job-definition";
import { serializeInputs, type MonthInputs } from "./allocation-inputs";
import type { AllocatedRow } from "./allocation-types";
import { writeSpendRollups } from "./write-spend-rollups";

const ROWS_PER_INSERT = 20_000;

/** The whole month a window covers and what its rows were computed from; null inputs: no facts, no record. */
export interface MonthRecord {
  month: IsoDay;
  inputs: MonthInputs | null;
}

async function writeMonthRecord(tx: Prisma.TransactionClient, record: MonthRecord, jobRunId: string) {
  const month = fromIsoDay(record.month);
  if (!record.inputs) {
    await tx.allocationMonth.deleteMany({ where: { month } });
    return;
  }
  const data = { inputs: serializeInputs(record.inputs), allocatedAt: new Date(), jobRunId };
  await tx.allocationMonth.upsert({
    where: { month },
    create: { month, ...data },
    update: data,
    select: { month: true },
  });
}

export async function replaceAllocatedRows(
  prisma: PrismaClient,
  window: JobWindow,
  rows: ReadonlyArray<AllocatedRow & { day: IsoDay }>,
  bills: ReadonlyMap<IsoDay, Decimal>,
  jobRunId: string,
  record?: MonthRecord,
): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await tx.allocatedCostDaily.deleteMany({
        where: { day: { gte: fromIsoDay(window.from), lt: fromIsoDay(window.to) } },
      });
      for (const batch of inBatches(rows, ROWS_PER_INSERT)) {
        const column = <K extends keyof (AllocatedRow & { day: IsoDay })>(key: K) =>
          batch.map((row) => String(row[key]));
        await tx.$executeRaw`
          INSERT INTO allocated_cost_daily
            (day, owner_type, squad, account_id, service, cluster, namespace, rule, amount, job_run_id)
          SELECT day::date, owner::allocation_owner, squad, account_id, service, cluster, namespace, rule,
                 amount::numeric, ${jobRunId}
          FROM unnest(
            ${column("day")}::text[], ${column("ownerType")}::text[], ${column("squad")}::text[],
            ${column("accountId")}::text[], ${column("service")}::text[], ${column("cluster")}::text[],
            ${column("namespace")}::text[], ${column("rule")}::text[], ${batch.map((row) => row.amount.toFixed())}::text[]
          ) AS input(day, owner, squad, account_id, service, cluster, namespace, rule, amount)`;
      }
      await writeSpendRollups(tx, window, bills, jobRunId);
      if (record) await writeMonthRecord(tx, record, jobRunId);
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}
