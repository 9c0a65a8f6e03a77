import { createCostExplorerClient } from "../lib/aws/aws-clients";
import { getConfig } from "../lib/config/env";
import { ingestCostExplorer } from "../lib/ingest/cost-explorer/ingest-cost-explorer";
import type { JobDefinition } from "../lib/jobs/job-definition";

export const costExplorerJob: JobDefinition = {
  name: "cost-explorer",
  description: "Daily costs from AWS Cost Explorer: a 13-month backfill, then the trailing window AWS restates",
  // Cost Explorer refreshes its data about three times a day; every request costs $0.01.
  schedule: "20 */6 * * *",
  async run(context) {
    const counter = { count: 0 };
    const client = createCostExplorerClient({ region: getConfig().AWS_REGION, counter });
    try {
      await ingestCostExplorer(context, { client });
    } finally {
      context.countRequests(counter.count);
      client.destroy();
    }
  },
};
