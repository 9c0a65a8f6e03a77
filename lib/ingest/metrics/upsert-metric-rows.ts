// Writes MetricDaily rows on their natural key (resource, metric, day), a batch per transaction: a rerun
// overwrites the same rows with the same values, so repeating a run changes nothing (unchanged rows are not
// even rewritten).
import { Prisma, type PrismaClient } from "../../db/generated/client";
import { inBatches } from "../../db/statement-batches";
import type { MetricDailyRow } from "./daily-rows";

/** rows per INSERT: 8 parameters each, well under Postgres' 65,535 */
const STATEMENT_ROWS = 2_000;

function values(row: MetricDailyRow) {
  return Prisma.sql`(${row.resourceId}, ${row.metric}, ${row.day}::date, ${row.average}::double precision,
    ${row.maximum}::double precision, ${row.p95}::double precision, ${row.sum}::double precision, ${row.samples}::integer)`;
}

/** Returns how many rows were inserted or changed. */
export async function upsertMetricRows(prisma: PrismaClient, rows: readonly MetricDailyRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return prisma.$transaction(
    async (tx) => {
      let written = 0;
      for (const chunk of inBatches(rows, STATEMENT_ROWS)) {
        written += await tx.$executeRaw`
          INSERT INTO metric_daily (resource_id, metric, day, average, maximum, p95, sum, samples)
          VALUES ${Prisma.join(chunk.map(values))}
          ON CONFLICT (resource_id, metric, day) DO UPDATE SET
            average = EXCLUDED.average, maximum = EXCLUDED.maximum, p95 = EXCLUDED.p95,
            sum = EXCLUDED.sum, samples = EXCLUDED.samples
          WHERE (metric_daily.average, metric_daily.maximum, metric_daily.p95, metric_daily.sum, metric_daily.samples)
            IS DISTINCT FROM (EXCLUDED.average, EXCLUDED.maximum, EXCLUDED.p95, EXCLUDED.sum, EXCLUDED.samples)`;
      }
      return written;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
