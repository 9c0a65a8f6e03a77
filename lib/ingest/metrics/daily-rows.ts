// Folds the datapoints of one request into MetricDaily rows: one row per resource, metric and day, each
// statistic in its column. With a daily period every datapoint's timestamp is 00:00 UTC of its day. A metric
// that records silent days (metric-catalog.ts) also gets a row with samples 0 for each day of the request
// without a datapoint.
import { addDays, toIsoDay, type IsoDay } from "../../format/dates";
import type { Datapoints } from "./fetch-metric-batch";
import type { MetricColumn } from "./metric-catalog";
import { queryId, type MetricBatch } from "./plan-metric-queries";

export type MetricDailyRow = {
  resourceId: string;
  metric: string;
  day: IsoDay;
} & Record<MetricColumn, number | null>;

function emptyRow(resourceId: string, metric: string, day: IsoDay): MetricDailyRow {
  return { resourceId, metric, day, average: null, maximum: null, p95: null, sum: null, samples: null };
}

export function dailyRows(batch: MetricBatch, results: ReadonlyMap<string, Datapoints>): MetricDailyRow[] {
  const rows = new Map<string, MetricDailyRow>();
  const rowOf = (resourceId: string, metric: string, day: IsoDay) => {
    const key = `${resourceId}|${metric}|${day}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = emptyRow(resourceId, metric, day)));
    return row;
  };
  for (const [index, query] of batch.queries.entries()) {
    const points = results.get(queryId(index));
    if (!points) continue;
    for (const [at, timestamp] of points.timestamps.entries()) {
      const day = toIsoDay(timestamp);
      if (day < batch.from || day >= batch.to) continue;
      const value = points.values[at]!;
      rowOf(query.resource, query.metric, day)[query.column] = query.column === "samples" ? Math.round(value) : value;
    }
  }
  for (const query of batch.queries.filter((q) => q.recordSilentDays && q.column === "samples")) {
    for (let day = batch.from; day < batch.to; day = addDays(day, 1)) {
      const row = rowOf(query.resource, query.metric, day);
      if (row.samples === null) row.samples = 0;
    }
  }
  return [...rows.values()];
}
