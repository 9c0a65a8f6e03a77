// Replaces every stored Cost Explorer row of a window with a fresh fetch, in one transaction: readers see
// the old window or the new one, never a mix, and a run that dies half-way changes nothing.
import type { PrismaClient } from "../../db/generated/client";
import { fromIsoDay } from "../../format/dates";
import type { JobWindow } from "../../jobs/job-definition";
import type { CostRow } from "./fetch-cost-rows";

const INSERT_BATCH = 5_000;

export async function replaceCostWindow(prisma: PrismaClient, window: JobWindow, rows: CostRow[], jobRunId: string) {
  await prisma.$transaction(
    async (tx) => {
      await tx.costDaily.deleteMany({ where: { day: { gte: fromIsoDay(window.from), lt: fromIsoDay(window.to) } } });
      for (let start = 0; start < rows.length; start += INSERT_BATCH) {
        await tx.costDaily.createMany({
          data: rows.slice(start, start + INSERT_BATCH).map((row) => ({ ...row, day: fromIsoDay(row.day), jobRunId })),
        });
      }
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
