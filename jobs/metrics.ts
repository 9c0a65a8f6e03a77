import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { createCloudWatchClient } from "../lib/aws/aws-clients";
import { ingestMetrics } from "../lib/ingest/metrics/ingest-metrics";
import { jobCatalog } from "../lib/jobs/job-catalog";
import type { JobDefinition } from "../lib/jobs/job-definition";

export const metricsJob: JobDefinition = {
  ...jobCatalog.metrics,
  async run(context) {
    const counter = { count: 0 };
    const clients = new Map<string, CloudWatchClient>();
    const cloudWatch = (region: string) => {
      let client = clients.get(region);
      if (!client) {
        client = createCloudWatchClient({ region, counter });
        clients.set(region, client);
      }
      return client;
    };
    try {
      await ingestMetrics(context, { cloudWatch });
    } finally {
      context.countRequests(counter.count);
      for (const client of clients.values()) client.destroy();
    }
  },
};
