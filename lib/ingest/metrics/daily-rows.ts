// Folds the datapoints of one request into MetricDaily rows: one row per resource, metric and day, each
// statistic in its column. With a daily period every datapoint's timestamp is 00:00 UTC of its day.
import { toIsoDay, type IsoDay } from "../../format/dates";
import type { Datapoints } from "./fetch-metric-batch";
import type { MetricColumn } from "./metric-catalog";
import { queryId, type MetricBatch } from "./plan-metric-queries";

export type MetricDailyRow = {
  resourceId: string;
  metric: string;
  day: IsoDay;
} & Record<MetricColumn, number | null>;

export function dailyRows(batch: MetricBatch, results: ReadonlyMap<string, Datapoints>): MetricDailyRow[] {
  const rows = new Map<string, MetricDailyRow>();
  for (const [index, query] of batch.queries.entries()) {
    const points = results.get(queryId(index));
    if (!points) continue;
    for (const [at, timestamp] of points.timestamps.entries()) {
      const day = toIsoDay(timestamp);
      if (day < batch.from || day >= batch.to) continue;
      const key = `${query.resource}|${query.metric}|${day}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          resourceId: query.resource,
          metric: query.metric,
          day,
          average: null,
          maximum: null,
          p95: null,
          sum: null,
          samples: null,
        };
        rows.set(key, row);
      }
      const value = points.values[at]!;
      row[query.column] = query.column === "samples" ? Math.round(value) : value;
    }
  }
  return [...rows.values()];
}
