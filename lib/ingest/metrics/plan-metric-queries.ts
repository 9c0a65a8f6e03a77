// Turns the live resources of one region into GetMetricData queries (one per metric and statistic) and
// packs them into requests of at most 500 queries, CloudWatch's limit. All the statistics of one metric of
// one resource travel in the same request, so each request yields whole MetricDaily rows. Resources are
// ordered by the day their window starts, so a request rarely fetches days it does not need.
import type { IsoDay } from "../../format/dates";
import type { Dimension } from "./cloudwatch-payloads";
import type { PublishedMetric } from "./list-published-metrics";
import {
  METRIC_CATALOG,
  RESOURCE_DIMENSION,
  STATISTIC_COLUMNS,
  storedMetricName,
  type MeteredKind,
  type MetricColumn,
  type MetricSpec,
  type MetricStatistic,
} from "./metric-catalog";

export const MAX_QUERIES_PER_REQUEST = 500;

export interface MeteredResource {
  /** Resource.id, the MetricDaily foreign key */
  id: string;
  kind: MeteredKind;
  /** the AWS id: i-..., the DB identifier, nat-..., vol-... */
  resourceId: string;
  region: string;
  /** the first day to fetch (see metricFromDay) */
  from: IsoDay;
}

export interface MetricQuery {
  resource: string;
  metric: string;
  column: MetricColumn;
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  statistic: MetricStatistic;
  /** a day without datapoints becomes a row with samples 0 (MetricSpec.recordSilentDays) */
  recordSilentDays: boolean;
}

export interface MetricBatch {
  region: string;
  /** inclusive */
  from: IsoDay;
  /** exclusive */
  to: IsoDay;
  queries: MetricQuery[];
}

/** The query id of the i-th query of a request: "m0".."m499". */
export function queryId(index: number): string {
  return `m${index}`;
}

function dimensionKey(dimensions: readonly Dimension[]): string {
  return dimensions
    .map((d) => `${d.Name}=${d.Value}`)
    .sort()
    .join(",");
}

/** Indexes published metrics by "<namespace>|<name>|<resource id>", every dimension set of each. */
export function indexPublishedMetrics(published: readonly PublishedMetric[]) {
  const index = new Map<string, Dimension[][]>();
  const resourceDimensions = new Set<string>(Object.values(RESOURCE_DIMENSION));
  for (const metric of published) {
    for (const dimension of metric.dimensions.filter((d) => resourceDimensions.has(d.Name))) {
      const key = `${metric.namespace}|${metric.metricName}|${dimension.Value}`;
      index.set(key, [...(index.get(key) ?? []), metric.dimensions]);
    }
  }
  return index;
}

export type PublishedIndex = ReturnType<typeof indexPublishedMetrics>;

interface SeriesPlan {
  metric: string;
  dimensions: Dimension[];
}

/**
 * The series of one listed metric for one resource: one per value of the split dimension (or one). Among
 * several dimension sets for the same series, the one with the fewest dimensions (the plain per-resource
 * series) wins, ties broken by name so the plan is deterministic.
 */
function listedSeries(spec: MetricSpec, sets: readonly Dimension[][]): SeriesPlan[] {
  const chosen = new Map<string, Dimension[]>();
  for (const dimensions of sets) {
    const split = spec.splitBy ? dimensions.find((d) => d.Name === spec.splitBy)?.Value : undefined;
    if (spec.splitBy && split === undefined) continue;
    const metric = storedMetricName(spec, split);
    const current = chosen.get(metric);
    const better =
      !current ||
      dimensions.length < current.length ||
      (dimensions.length === current.length && dimensionKey(dimensions) < dimensionKey(current));
    if (better) chosen.set(metric, dimensions);
  }
  return [...chosen.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([metric, dimensions]) => ({ metric, dimensions }));
}

function seriesOf(resource: MeteredResource, spec: MetricSpec, published: PublishedIndex): SeriesPlan[] {
  if (spec.presence === "always") {
    const own = [{ Name: RESOURCE_DIMENSION[resource.kind], Value: resource.resourceId }];
    return [{ metric: storedMetricName(spec), dimensions: own }];
  }
  return listedSeries(spec, published.get(`${spec.namespace}|${spec.metricName}|${resource.resourceId}`) ?? []);
}

/** Every query of one resource, grouped by series (a series' statistics must share a request). */
export function resourceQueries(resource: MeteredResource, published: PublishedIndex): MetricQuery[][] {
  return METRIC_CATALOG[resource.kind].flatMap((spec) =>
    seriesOf(resource, spec, published).map((series) =>
      spec.statistics.map((statistic) => ({
        resource: resource.id,
        metric: series.metric,
        column: STATISTIC_COLUMNS[statistic],
        namespace: spec.namespace,
        metricName: spec.metricName,
        dimensions: series.dimensions,
        statistic,
        recordSilentDays: spec.recordSilentDays === true,
      })),
    ),
  );
}

/** Packs the queries of one region's resources into requests of at most `maxQueries`. */
export function planMetricBatches(
  region: string,
  resources: readonly MeteredResource[],
  published: PublishedIndex,
  to: IsoDay,
  maxQueries = MAX_QUERIES_PER_REQUEST,
): MetricBatch[] {
  const ordered = [...resources].sort((a, b) =>
    a.from !== b.from ? (a.from < b.from ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const batches: MetricBatch[] = [];
  let current: MetricBatch | undefined;
  for (const resource of ordered) {
    if (resource.from >= to) continue;
    for (const series of resourceQueries(resource, published)) {
      if (!current || current.queries.length + series.length > maxQueries) {
        current = { region, from: resource.from, to, queries: [] };
        batches.push(current);
      }
      current.queries.push(...series);
    }
  }
  return batches;
}
