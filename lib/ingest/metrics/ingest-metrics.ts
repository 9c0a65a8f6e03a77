// The metrics ingest: for every live instance, DB instance, NAT gateway and unattached volume, daily aggregates of the
// CloudWatch metrics the detectors read, region by region, at most 500 queries a GetMetricData request,
// each request's rows upserted in one transaction.
import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { todayUtc, type IsoDay } from "../../format/dates";
import type { JobContext } from "../../jobs/job-definition";
import { dailyRows } from "./daily-rows";
import { fetchMetricBatch } from "./fetch-metric-batch";
import { listPublishedMetrics, type PublishedMetric } from "./list-published-metrics";
import { loadMeteredResources } from "./load-metered-resources";
import { CWAGENT_NAMESPACE, METRIC_CATALOG, type MeteredKind } from "./metric-catalog";
import { defaultMetricWindowPolicy, type MetricWindowPolicy } from "./metric-window";
import { upsertMetricRows } from "./upsert-metric-rows";
import {
  indexPublishedMetrics,
  planMetricBatches,
  type MeteredResource,
  type MetricBatch,
} from "./plan-metric-queries";

export interface MetricsIngestDeps {
  /** a CloudWatch client for a region (CloudWatch is regional) */
  cloudWatch(region: string): CloudWatchClient;
  today?: IsoDay;
  policy?: MetricWindowPolicy;
  /** datapoints per GetMetricData page (tests lower it to exercise paging) */
  maxDatapoints?: number;
}

/** The metrics that exist only where something publishes them, for the kinds present. */
async function publishedMetrics(client: CloudWatchClient, kinds: Set<MeteredKind>, signal: AbortSignal) {
  const published: PublishedMetric[] = [];
  for (const kind of kinds) {
    for (const spec of METRIC_CATALOG[kind].filter((s) => s.presence === "listed")) {
      published.push(...(await listPublishedMetrics(client, spec, signal)));
    }
  }
  return published;
}

function describePlan(region: string, resources: MeteredResource[], batches: MetricBatch[]) {
  const queries = batches.reduce((sum, batch) => sum + batch.queries.length, 0);
  const memory = new Set(
    batches.flatMap((b) => b.queries.filter((q) => q.namespace === CWAGENT_NAMESPACE).map((q) => q.resource)),
  );
  const natIds = resources.filter((r) => r.kind === "NAT_GATEWAY").map((r) => r.id);
  const split = new Set(
    batches.flatMap((b) => b.queries.filter((q) => q.metricName === "BytesToService").map((q) => q.resource)),
  );
  const estimated = natIds.filter((id) => !split.has(id)).length;
  const volumes = resources.filter((r) => r.kind === "EBS_VOLUME").length;
  return (
    `${region}: ${resources.length} resources (${volumes} unattached volumes), ${queries} queries in ` +
    `${batches.length} requests; ` +
    `memory reported by ${memory.size} instances; flow-log split for ${split.size} NAT gateways` +
    (estimated > 0 ? ` (${estimated} without: the destination split is an estimate)` : "")
  );
}

export async function ingestMetrics(context: JobContext, deps: MetricsIngestDeps) {
  const { prisma, signal } = context;
  const today = context.window?.to ?? deps.today ?? todayUtc();
  const policy = deps.policy ?? defaultMetricWindowPolicy;
  const resources = await loadMeteredResources(prisma, today, policy, context.window);
  if (resources.length === 0) {
    context.log(
      "CloudWatch metrics: the inventory has no live instances, DB instances, NAT gateways or unattached " +
        "volumes; nothing to fetch",
    );
    return;
  }
  const byRegion = new Map<string, MeteredResource[]>();
  for (const resource of resources) {
    const regional = byRegion.get(resource.region) ?? [];
    regional.push(resource);
    byRegion.set(resource.region, regional);
  }

  const plans: Array<{ client: CloudWatchClient; batches: MetricBatch[] }> = [];
  for (const [region, regional] of [...byRegion.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    signal.throwIfAborted();
    const client = deps.cloudWatch(region);
    const published = await publishedMetrics(client, new Set(regional.map((r) => r.kind)), signal);
    const batches = planMetricBatches(region, regional, indexPublishedMetrics(published), today);
    context.log(`CloudWatch metrics: ${describePlan(region, regional, batches)}`);
    plans.push({ client, batches });
  }

  const total = plans.reduce((sum, plan) => sum + plan.batches.length, 0);
  let done = 0;
  for (const { client, batches } of plans) {
    for (const batch of batches) {
      signal.throwIfAborted();
      const results = await fetchMetricBatch(client, batch, { signal, maxDatapoints: deps.maxDatapoints });
      const rows = dailyRows(batch, results);
      signal.throwIfAborted();
      context.countRows(await upsertMetricRows(prisma, rows));
      done += 1;
      context.progress(done, total, `${batch.region} ${batch.from}..${batch.to}`);
    }
  }
}
