import {
  createAutoScalingClient,
  createEc2Client,
  createElbv2Client,
  createRdsClient,
  type AwsClientOptions,
} from "../lib/aws/aws-clients";
import { getConfig } from "../lib/config/env";
import { ingestInventory } from "../lib/ingest/inventory/ingest-inventory";
import type { InventoryClients } from "../lib/ingest/inventory/region-snapshot";
import { jobCatalog } from "../lib/jobs/job-catalog";
import type { JobDefinition } from "../lib/jobs/job-definition";

function createInventoryClients(options: AwsClientOptions): InventoryClients {
  return {
    ec2: createEc2Client(options),
    rds: createRdsClient(options),
    elbv2: createElbv2Client(options),
    autoScaling: createAutoScalingClient(options),
  };
}

export const inventoryJob: JobDefinition = {
  ...jobCatalog.inventory,
  async run(context) {
    const counter = { count: 0 };
    const regions = getConfig().AWS_REGIONS;
    const clients = new Map(regions.map((region) => [region, createInventoryClients({ region, counter })]));
    try {
      await ingestInventory(context, { regions, clientsFor: (region) => clients.get(region)! });
    } finally {
      context.countRequests(counter.count);
      for (const set of clients.values()) for (const client of Object.values(set)) client.destroy();
    }
  },
};
