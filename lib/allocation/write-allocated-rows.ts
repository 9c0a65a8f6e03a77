// Replaces the allocated rows of a window in one transaction: delete, then one INSERT ... SELECT FROM
// unnest(arrays) per 20,000 rows (a row per bind parameter set is ten times slower on Postgres). The
// dashboards' rollups of the same days (owner_spend_daily, bill_daily) are rewritten in that transaction, so
// a reader never sees rows and rollups that disagree.
import type { Decimal } from "../db/decimal";
import type { PrismaClient } from "../db/generated/client";
import { fromIsoDay, type IsoDay } from "../format/dates";
import type { JobWindow } from "../jobs/job-definition";
import type { AllocatedRow } from "./allocation-types";
import { writeSpendRollups } from "./write-spend-rollups";

const ROWS_PER_INSERT = 20_000;

export async function replaceAllocatedRows(
  prisma: PrismaClient,
  window: JobWindow,
  rows: ReadonlyArray<AllocatedRow & { day: IsoDay }>,
  bills: ReadonlyMap<IsoDay, Decimal>,
  jobRunId: string,
): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await tx.allocatedCostDaily.deleteMany({
        where: { day: { gte: fromIsoDay(window.from), lt: fromIsoDay(window.to) } },
      });
      for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
        const batch = rows.slice(start, start + ROWS_PER_INSERT);
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
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}
