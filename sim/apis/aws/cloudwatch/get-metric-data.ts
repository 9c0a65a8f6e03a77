// GetMetricData for metric-stat queries (metric math is not evaluated). Periods bucket from the epoch, so
// 3600 starts on the hour and 86400 at 00:00 UTC; a bucket has a datapoint when it covers at least one
// sample. Paging follows AWS: at most MaxDatapoints (default 100,800) datapoints a call across all
// queries, in query order; a query cut by the page boundary reports StatusCode "PartialData" and continues
// on the next page, which carries every query again (Ids with no datapoints left come back empty).
import { z } from "zod";
import { aggregate, percentile, type Aggregate } from "../../../org/metrics";
import type { Organisation } from "../../../org/model";
import { decodeToken, encodeToken } from "../../../protocols/paging";
import { SimError } from "../../../server/types";
import { metricIndex, metricKey, type MetricDefinition } from "./metric-catalog";

const MAX_QUERIES = 500;
const DEFAULT_MAX_DATAPOINTS = 100_800;

const dimension = z.object({ Name: z.string().min(1), Value: z.string().min(1) });
const query = z.object({
  Id: z.string().regex(/^[a-z][a-zA-Z0-9_]*$/, "Id must start with a lowercase letter, then letters, digits or _"),
  MetricStat: z
    .object({
      Metric: z.object({
        Namespace: z.string().min(1),
        MetricName: z.string().min(1),
        Dimensions: z.array(dimension).max(30).optional(),
      }),
      Period: z.number().int().positive().multipleOf(60),
      Stat: z.string().min(1),
      Unit: z.string().optional(),
    })
    .optional(),
  Expression: z.string().optional(),
  Label: z.string().optional(),
  ReturnData: z.boolean().optional(),
  Period: z.number().int().positive().optional(),
  AccountId: z.string().optional(),
});
const input = z.object({
  MetricDataQueries: z.array(query).min(1),
  StartTime: z.number(),
  EndTime: z.number(),
  NextToken: z.string().optional(),
  ScanBy: z.enum(["TimestampDescending", "TimestampAscending"]).optional(),
  MaxDatapoints: z.number().int().positive().optional(),
  LabelOptions: z.object({ Timezone: z.string().optional() }).optional(),
});
type Query = z.infer<typeof query>;

function invalid(message: string): SimError {
  return new SimError("InvalidParameterValue", message);
}

type Statistic = (a: Aggregate) => number;

function statistic(stat: string): { compute: Statistic; needsValues: boolean } {
  const fixed: Record<string, Statistic> = {
    Average: (a) => a.sum / a.sampleCount,
    Sum: (a) => a.sum,
    Minimum: (a) => a.minimum,
    Maximum: (a) => a.maximum,
    SampleCount: (a) => a.sampleCount,
  };
  const known = fixed[stat];
  if (known) return { compute: known, needsValues: false };
  const p = /^p(\d{1,2}(?:\.\d{1,2})?|100)$/.exec(stat);
  if (!p?.[1]) throw invalid(`The value ${stat} for parameter Stat is not a supported statistic.`);
  const rank = Number(p[1]);
  return { compute: (a) => percentile(a.values, rank), needsValues: true };
}

interface PlannedQuery {
  query: Query;
  label: string;
  metric?: MetricDefinition;
  period: number;
  stat: ReturnType<typeof statistic>;
  buckets: number[]; // bucket starts that hold a datapoint, in scan order
}

function plan(
  q: Query,
  index: Map<string, MetricDefinition>,
  start: number,
  end: number,
  descending: boolean,
): PlannedQuery {
  if (!q.MetricStat) throw invalid(`Query ${q.Id}: the sandbox answers MetricStat queries only, not Expression.`);
  const { Metric, Period, Stat } = q.MetricStat;
  const metric = index.get(metricKey(Metric.Namespace, Metric.MetricName, Metric.Dimensions ?? []));
  const buckets: number[] = [];
  if (metric) {
    const from = Math.max(Math.floor(start / Period) * Period, Math.floor(metric.window.start / Period) * Period);
    for (let b = from; b < end && b < metric.window.end; b += Period) {
      if (Math.max(b, metric.window.start) < Math.min(b + Period, metric.window.end)) buckets.push(b);
    }
  }
  if (descending) buckets.reverse();
  return { query: q, label: q.Label ?? Metric.MetricName, metric, period: Period, stat: statistic(Stat), buckets };
}

interface MetricDataResult {
  Id: string;
  Label: string;
  Timestamps: number[];
  Values: number[];
  StatusCode: "Complete" | "PartialData";
}

export function getMetricData(body: Record<string, unknown>, org: Organisation, region: string) {
  const queries = body.MetricDataQueries;
  if (Array.isArray(queries) && queries.length > MAX_QUERIES) {
    const constraint = `Member must have length less than or equal to ${MAX_QUERIES}`;
    throw new SimError(
      "ValidationError",
      `1 validation error detected: Value at 'metricDataQueries' failed to satisfy constraint: ${constraint}`,
    );
  }
  const parsed = input.safeParse(body);
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  }
  const request = parsed.data;
  if (request.StartTime >= request.EndTime) {
    throw invalid("The parameter StartTime must be less than the parameter EndTime.");
  }
  const ids = request.MetricDataQueries.map((q) => q.Id);
  if (new Set(ids).size !== ids.length)
    throw invalid("The values for parameter Id in MetricDataQueries are not unique.");

  const index = metricIndex(org, region);
  const descending = request.ScanBy !== "TimestampAscending";
  const planned = request.MetricDataQueries.filter((q) => q.ReturnData !== false).map((q) =>
    plan(q, index, request.StartTime, request.EndTime, descending),
  );
  const { NextToken, MaxDatapoints, ...rest } = request;
  const requestKey = JSON.stringify(rest);
  const badToken = new SimError("InvalidNextToken", "The service returned an invalid NextToken.");
  const offset = decodeToken(NextToken, requestKey, badToken);
  const pageEnd = offset + (MaxDatapoints ?? DEFAULT_MAX_DATAPOINTS);

  let position = 0;
  const results: MetricDataResult[] = planned.map((p) => {
    const first = Math.max(0, offset - position);
    const last = Math.min(p.buckets.length, pageEnd - position);
    position += p.buckets.length;
    const result: MetricDataResult = {
      Id: p.query.Id,
      Label: p.label,
      Timestamps: [],
      Values: [],
      StatusCode: last < p.buckets.length ? "PartialData" : "Complete",
    };
    const series = p.metric?.series();
    for (let i = first; series && i < last; i++) {
      const bucket = p.buckets[i] ?? 0;
      const agg = aggregate(series, bucket, bucket + p.period, p.stat.needsValues);
      if (!agg) continue;
      result.Timestamps.push(bucket);
      result.Values.push(p.stat.compute(agg));
    }
    return result;
  });
  return {
    MetricDataResults: results,
    NextToken: pageEnd < position ? encodeToken(pageEnd, requestKey) : undefined,
    Messages: [],
  };
}
