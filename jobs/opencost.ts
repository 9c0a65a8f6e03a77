import { getConfig } from "../lib/config/env";
import { createOpenCostClient } from "../lib/ingest/opencost/opencost-client";
import { ingestOpenCost } from "../lib/ingest/opencost/ingest-opencost";
import { jobCatalog } from "../lib/jobs/job-catalog";
import type { JobDefinition } from "../lib/jobs/job-definition";

export const openCostJob: JobDefinition = {
  ...jobCatalog.openCost,
  async run(context) {
    const config = getConfig();
    if (!config.OPENCOST_URL) {
      context.log("OPENCOST_URL is not set: no Kubernetes allocation to fetch");
      return;
    }
    const client = createOpenCostClient({ baseUrl: config.OPENCOST_URL, onRequest: () => context.countRequests(1) });
    await ingestOpenCost(context, { client, clusters: config.OPENCOST_CLUSTERS });
  },
};
