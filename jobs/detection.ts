import { todayUtc } from "../lib/format/dates";
import { jobCatalog } from "../lib/jobs/job-catalog";
import type { JobDefinition } from "../lib/jobs/job-definition";
import { runDetection } from "../lib/waste/run-detection";

/** Waste detection over the stored inventory, metrics and prices: runs after those ingests each hour. */
export const detectionJob: JobDefinition = {
  ...jobCatalog.detection,
  async run(context) {
    const summary = await runDetection(context.prisma, { today: todayUtc(), signal: context.signal });
    context.countRows(summary.rowsWritten);
    for (const [type, counts] of Object.entries(summary.byType)) {
      context.log(
        `Detection: ${type}: ${counts.findings} found, ${counts.created} new, ${counts.updated} updated, ` +
          `${counts.reopened} reopened, ${counts.keptDismissed} still dismissed, ${counts.resolved} resolved`,
      );
    }
    if (summary.insufficientData.length > 0)
      context.log(`Detection: ${summary.insufficientData.length} resources not judged for lack of metrics`);
    const prices = new Set(summary.missingPrices.map((m) => `${m.kind} ${m.region} ${m.key}`.trim()));
    if (prices.size > 0) context.log(`Detection: prices missing: ${[...prices].sort().join("; ")}`);
  },
};
