import { createPricingClient } from "../lib/aws/aws-clients";
import { getConfig } from "../lib/config/env";
import { ingestPrices } from "../lib/ingest/prices/ingest-prices";
import { jobCatalog } from "../lib/jobs/job-catalog";
import type { JobDefinition } from "../lib/jobs/job-definition";

export const pricesJob: JobDefinition = {
  ...jobCatalog.prices,
  async run(context) {
    const counter = { count: 0 };
    const client = createPricingClient({ region: getConfig().AWS_REGION, counter });
    try {
      await ingestPrices(context, { client });
    } finally {
      context.countRequests(counter.count);
      client.destroy();
    }
  },
};
