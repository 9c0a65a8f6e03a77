// The dashboards' daily rollups of allocation: owner_spend_daily (a day's allocated spend per owner, summed in
// SQL from the allocated_cost_daily rows just written) and bill_daily (the Cost Explorer total of each day the
// allocation allocated). Both are derived data, rewritten whole for a window, always inside the transaction
// that wrote the rows they sum.
import type { Decimal } from "../db/decimal";
import { Prisma, type PrismaClient } from "../db/generated/client";
import { fromIsoDay, type IsoDay } from "../format/dates";
import type { JobWindow } from "../jobs/job-definition";

/** owner_spend_daily for the days `days` selects, summed from their allocated rows. */
function insertOwnerSpend(tx: Prisma.TransactionClient, days: Prisma.Sql, jobRunId: string) {
  return tx.$executeRaw`
    INSERT INTO owner_spend_daily (day, owner_type, squad, amount, job_run_id)
    SELECT day, owner_type, squad, SUM(amount), ${jobRunId}
    FROM allocated_cost_daily
    WHERE ${days}
    GROUP BY day, owner_type, squad`;
}

export async function writeSpendRollups(
  tx: Prisma.TransactionClient,
  window: JobWindow,
  bills: ReadonlyMap<IsoDay, Decimal>,
  jobRunId: string,
): Promise<void> {
  const from = fromIsoDay(window.from);
  const to = fromIsoDay(window.to);
  await tx.$executeRaw`DELETE FROM owner_spend_daily WHERE day >= ${from}::date AND day < ${to}::date`;
  await tx.$executeRaw`DELETE FROM bill_daily WHERE day >= ${from}::date AND day < ${to}::date`;
  await insertOwnerSpend(tx, Prisma.sql`day >= ${from}::date AND day < ${to}::date`, jobRunId);
  const days = [...bills.keys()];
  if (days.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO bill_daily (day, amount, job_run_id)
    SELECT day::date, amount::numeric, ${jobRunId}
    FROM unnest(${days}::text[], ${days.map((day) => bills.get(day)!.toFixed())}::text[]) AS input(day, amount)`;
}

/**
 * Rollups for the days allocated before the rollups existed (a database upgraded with history): every day with
 * allocated rows but no bill_daily row gets both, summed from its allocated rows. Every dollar of a day is
 * allocated exactly once, so their sum is the Cost Explorer total that allocation saw. Returns the days filled.
 */
export async function backfillSpendRollups(prisma: PrismaClient, jobRunId: string): Promise<number> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        CREATE TEMPORARY TABLE rollup_missing_days ON COMMIT DROP AS
        SELECT DISTINCT a.day FROM allocated_cost_daily a
        WHERE NOT EXISTS (SELECT 1 FROM bill_daily b WHERE b.day = a.day)`;
      await tx.$executeRaw`DELETE FROM owner_spend_daily WHERE day IN (SELECT day FROM rollup_missing_days)`;
      await insertOwnerSpend(tx, Prisma.sql`day IN (SELECT day FROM rollup_missing_days)`, jobRunId);
      return tx.$executeRaw`
        INSERT INTO bill_daily (day, amount, job_run_id)
        SELECT day, SUM(amount), ${jobRunId}
        FROM allocated_cost_daily
        WHERE day IN (SELECT day FROM rollup_missing_days)
        GROUP BY day`;
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}
