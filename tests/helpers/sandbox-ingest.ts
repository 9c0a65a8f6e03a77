// The real inventory, price and metrics ingests run against a started sandbox into a test database, as the
// jobs run them: what waste detection and the Terraform fix planner read. Squads are created first so that
// ownership tags resolve.
import {
  createAutoScalingClient,
  createCloudWatchClient,
  createEc2Client,
  createElbv2Client,
  createPricingClient,
  createRdsClient,
} from "@/lib/aws/aws-clients";
import { ingestInventory } from "@/lib/ingest/inventory/ingest-inventory";
import { ingestMetrics } from "@/lib/ingest/metrics/ingest-metrics";
import { ingestPrices } from "@/lib/ingest/prices/ingest-prices";
import type { JobContext } from "@/lib/jobs/job-definition";
import type { TestSandbox } from "./sandbox";
import type { TestDatabase } from "./test-database";

/** A job context that records nothing: for calling a job's work directly. */
export function silentJobContext(database: TestDatabase): JobContext {
  return {
    prisma: database.prisma,
    runId: "test",
    signal: new AbortController().signal,
    log: () => {},
    progress: () => {},
    countRequests: () => {},
    countRows: () => {},
  };
}

/** The sandbox's squads, then its inventory, prices and metrics (up to `today`) in `database`. */
export async function ingestSandboxResources(sandbox: TestSandbox, database: TestDatabase, today: string) {
  await database.prisma.squad.createMany({
    data: sandbox.ctx.org.squads.map((s) => ({ slug: s.slug, name: s.name, costCentre: s.costCentre })),
  });
  const regions = sandbox.ctx.org.regions;
  const context = silentJobContext(database);
  const clients = new Map(
    regions.map((region) => [
      region,
      {
        ec2: createEc2Client({ region }),
        rds: createRdsClient({ region }),
        elbv2: createElbv2Client({ region }),
        autoScaling: createAutoScalingClient({ region }),
      },
    ]),
  );
  await ingestInventory(context, {
    regions,
    clientsFor: (region) => clients.get(region)!,
    now: () => new Date(`${today}T00:30:00.000Z`),
  });
  for (const set of clients.values()) for (const client of Object.values(set)) client.destroy();
  const pricing = createPricingClient({ region: "us-east-1" });
  await ingestPrices(context, { client: pricing });
  pricing.destroy();
  const cloudWatch = new Map(regions.map((region) => [region, createCloudWatchClient({ region })]));
  await ingestMetrics(context, { cloudWatch: (region) => cloudWatch.get(region)!, today });
  for (const client of cloudWatch.values()) client.destroy();
}
