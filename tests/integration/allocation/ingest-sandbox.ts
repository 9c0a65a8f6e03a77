// Fills a test database from the sandbox the way production does: the real Cost Explorer, OpenCost and
// inventory ingest functions, each through runJob.
import {
  createAutoScalingClient,
  createCostExplorerClient,
  createEc2Client,
  createElbv2Client,
  createRdsClient,
  type AwsClientOptions,
} from "@/lib/aws/aws-clients";
import type { PrismaClient } from "@/lib/db/generated/client";
import { ingestCostExplorer } from "@/lib/ingest/cost-explorer/ingest-cost-explorer";
import { ingestInventory } from "@/lib/ingest/inventory/ingest-inventory";
import type { InventoryClients } from "@/lib/ingest/inventory/region-snapshot";
import { createOpenCostClient } from "@/lib/ingest/opencost/opencost-client";
import { ingestOpenCost } from "@/lib/ingest/opencost/ingest-opencost";
import type { JobDefinition } from "@/lib/jobs/job-definition";
import { runJob } from "@/lib/jobs/run-job";
import type { TestSandbox } from "../../helpers/sandbox";

function job(name: string, run: JobDefinition["run"]): JobDefinition {
  return { name, description: "test", schedule: "0 * * * *", run };
}

export function sandboxJobs(sandbox: TestSandbox, today: string): JobDefinition[] {
  const org = sandbox.ctx.org;
  return [
    job("inventory", async (context) => {
      const counter = { count: 0 };
      const options = (region: string): AwsClientOptions => ({ region, counter, maxAttempts: 4 });
      const clients = new Map<string, InventoryClients>(
        org.regions.map((region) => [
          region,
          {
            ec2: createEc2Client(options(region)),
            rds: createRdsClient(options(region)),
            elbv2: createElbv2Client(options(region)),
            autoScaling: createAutoScalingClient(options(region)),
          },
        ]),
      );
      try {
        await ingestInventory(context, {
          regions: org.regions,
          clientsFor: (region) => clients.get(region)!,
          now: () => new Date(`${today}T12:00:00.000Z`),
        });
      } finally {
        for (const set of clients.values()) for (const client of Object.values(set)) client.destroy();
      }
    }),
    job("cost-explorer", async (context) => {
      const client = createCostExplorerClient({ region: "us-east-1", counter: { count: 0 }, maxAttempts: 4 });
      try {
        await ingestCostExplorer(context, { client, today });
      } finally {
        client.destroy();
      }
    }),
    job("opencost", async (context) => {
      const client = createOpenCostClient({ baseUrl: sandbox.env.OPENCOST_URL!, sleep: async () => {} });
      await ingestOpenCost(context, { client, clusters: [], today });
    }),
  ];
}

/** Runs the inventory, Cost Explorer and OpenCost ingest against the sandbox; throws if one fails. */
export async function ingestSandbox(prisma: PrismaClient, sandbox: TestSandbox, today: string): Promise<void> {
  for (const definition of sandboxJobs(sandbox, today)) {
    const result = await runJob(prisma, definition, { trigger: "cli", holder: "test" });
    if (result.status !== "SUCCEEDED") throw new Error(`${definition.name}: ${JSON.stringify(result)}`);
  }
}
