import { createCostExplorerClient } from "../lib/aws/aws-clients";
import { getConfig } from "../lib/config/env";
import { ingestCostExplorer } from "../lib/ingest/cost-explorer/ingest-cost-explorer";
import { jobCatalog } from "../lib/jobs/job-catalog";
import type { JobDefinition } from "../lib/jobs/job-definition";

export const costExplorerJob: JobDefinition = {
  ...jobCatalog.costExplorer,
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
