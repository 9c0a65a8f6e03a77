// What the stored Cost Explorer rows are: the newest day, the oldest day still estimated, and which months
// were split by the usage groups this version knows (cost_explorer_months, written with each month's rows).
import type { Prisma, PrismaClient } from "../../db/generated/client";
import { toIsoDay } from "../../format/dates";
import type { JobWindow } from "../../jobs/job-definition";
import type { StoredCosts } from "./cost-window";

const sorted = (names: readonly string[]) => [...names].sort();

/** Months are listed from the oldest to the newest stored day, so the query never scans cost_daily. */
export async function loadStoredCosts(prisma: PrismaClient, usageGroups: readonly string[]): Promise<StoredCosts> {
  const [range] = await prisma.$queryRaw<
    Array<{ newest: Date | null; oldest_estimated: Date | null; oldest_stale: Date | null }>
  >`
    WITH bounds AS (SELECT MIN(day) AS oldest, MAX(day) AS newest FROM cost_daily),
    months AS (
      SELECT generate_series(date_trunc('month', oldest), date_trunc('month', newest), interval '1 month')::date AS month
      FROM bounds WHERE oldest IS NOT NULL
    )
    SELECT (SELECT newest FROM bounds) AS newest,
           -- estimated days are the recent ones: bounded, so the day index answers it
           (SELECT MIN(day) FROM cost_daily
              WHERE estimated AND day >= (SELECT newest FROM bounds) - 93) AS oldest_estimated,
           (SELECT MIN(months.month) FROM months
              LEFT JOIN cost_explorer_months fetched ON fetched.month = months.month
              WHERE fetched.usage_groups IS DISTINCT FROM ${sorted(usageGroups)}::text[]) AS oldest_stale`;
  return {
    newestDay: range?.newest ? toIsoDay(range.newest) : null,
    oldestEstimatedDay: range?.oldest_estimated ? toIsoDay(range.oldest_estimated) : null,
    oldestStaleMonth: range?.oldest_stale ? toIsoDay(range.oldest_stale) : null,
  };
}

/** Records a month as split by `usageGroups`, when the chunk holds the month from its first day. */
export async function recordCostMonth(
  tx: Prisma.TransactionClient,
  chunk: JobWindow,
  usageGroups: readonly string[],
  jobRunId: string,
) {
  if (!chunk.from.endsWith("-01")) return;
  const month = new Date(`${chunk.from}T00:00:00Z`);
  const values = { usageGroups: sorted(usageGroups), fetchedAt: new Date(), jobRunId };
  await tx.costExplorerMonth.upsert({
    where: { month },
    create: { month, ...values },
    update: values,
    select: { month: true },
  });
}
