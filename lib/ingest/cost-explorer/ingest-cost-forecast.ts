// Stores Cost Explorer's forecast for the rest of this month and for next month, keyed by the day it was
// asked (as_of), so a rerun the same day updates rather than duplicates. The forecast is an extra: when
// it fails, the cost ingest that ran before it stands. The failure is logged and written on the run, and
// the run still succeeds (unless it was aborted, which stops the run as everywhere else).
import type { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import type { PrismaClient } from "../../db/generated/client";
import { fromIsoDay, type IsoDay } from "../../format/dates";
import type { JobContext } from "../../jobs/job-definition";
import { fetchCostForecast, forecastPeriods, type CostForecastRow } from "./cost-forecast";

export async function upsertCostForecasts(prisma: PrismaClient, rows: CostForecastRow[], jobRunId: string | null) {
  await prisma.$transaction(
    rows.map((row) => {
      const key = {
        asOf: fromIsoDay(row.asOf),
        periodStart: fromIsoDay(row.periodStart),
        periodEnd: fromIsoDay(row.periodEnd),
        metric: row.metric,
      };
      const values = {
        meanAmount: row.meanAmount,
        lowerBound: row.lowerBound,
        upperBound: row.upperBound,
        predictionIntervalLevel: row.predictionIntervalLevel,
        fetchedAt: new Date(),
        jobRunId,
      };
      return prisma.costForecast.upsert({
        where: { asOf_periodStart_periodEnd_metric: key },
        create: { ...key, ...values },
        update: values,
        select: { id: true },
      });
    }),
  );
  return rows.length;
}

/** Fetches and stores the forecast; returns the rows written, or 0 after logging and recording a failure. */
export async function ingestCostForecast(
  context: JobContext,
  client: CostExplorerClient,
  today: IsoDay,
): Promise<number> {
  const { prisma, signal } = context;
  const { restOfMonth, nextMonth } = forecastPeriods(today);
  try {
    const rows = [];
    for (const period of [restOfMonth, nextMonth]) rows.push(await fetchCostForecast(client, today, period, signal));
    const written = await upsertCostForecasts(prisma, rows, context.runId);
    context.log(
      `Cost Explorer forecast as of ${today}: rest of month ${rows[0]!.meanAmount.toFixed(2)} USD, ` +
        `next month ${rows[1]!.meanAmount.toFixed(2)} USD (80% interval)`,
    );
    return written;
  } catch (error) {
    if (signal.aborted) throw error;
    const message = `Cost Explorer forecast not stored (costs were): ${error instanceof Error ? error.message : String(error)}`;
    context.log(message);
    await prisma.jobRun.updateMany({ where: { id: context.runId }, data: { error: message } });
    return 0;
  }
}
