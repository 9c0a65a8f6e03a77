// Runs one planned GetMetricData request through every page. A page holds at most MaxDatapoints values
// across all queries; a query cut by the page boundary reports PartialData and continues on the next page,
// which carries every query again, so datapoints are collected per query id.
import { CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { callAws } from "../../aws/call-aws";
import { PayloadError, parsePayload } from "../../aws/parse-payload";
import { fromIsoDay } from "../../format/dates";
import { metricDataPage } from "./cloudwatch-payloads";
import { queryId, type MetricBatch } from "./plan-metric-queries";

export interface Datapoints {
  timestamps: Date[];
  values: number[];
}

export const DAY_SECONDS = 86_400;

export interface FetchMetricOptions {
  signal?: AbortSignal;
  /** datapoints per page; CloudWatch's default (and maximum) is 100,800 */
  maxDatapoints?: number;
}

export async function fetchMetricBatch(
  client: CloudWatchClient,
  batch: MetricBatch,
  options: FetchMetricOptions = {},
): Promise<Map<string, Datapoints>> {
  const results = new Map<string, Datapoints>(
    batch.queries.map((_, index) => [queryId(index), { timestamps: [], values: [] }]),
  );
  const queries = batch.queries.map((query, index) => ({
    Id: queryId(index),
    MetricStat: {
      Metric: { Namespace: query.namespace, MetricName: query.metricName, Dimensions: query.dimensions },
      Period: DAY_SECONDS,
      Stat: query.statistic,
    },
    ReturnData: true,
  }));
  let nextToken: string | undefined;
  do {
    const response = await callAws("CloudWatch", "GetMetricData", () =>
      client.send(
        new GetMetricDataCommand({
          MetricDataQueries: queries,
          StartTime: fromIsoDay(batch.from),
          EndTime: fromIsoDay(batch.to),
          ScanBy: "TimestampAscending",
          MaxDatapoints: options.maxDatapoints,
          NextToken: nextToken,
        }),
        { abortSignal: options.signal },
      ),
    );
    const page = parsePayload(metricDataPage, response, "CloudWatch", "GetMetricData");
    for (const [index, result] of page.MetricDataResults.entries()) {
      const field = `MetricDataResults[${index}]`;
      const collected = results.get(result.Id);
      if (!collected)
        throw new PayloadError("CloudWatch", "GetMetricData", `${field}.Id`, `unknown query id ${result.Id}`);
      if (result.StatusCode === "InternalError" || result.StatusCode === "Forbidden") {
        const detail = result.Messages?.map((message) => message.Value ?? message.Code).join("; ") ?? "";
        throw new PayloadError(
          "CloudWatch",
          "GetMetricData",
          `${field}.StatusCode`,
          `${result.StatusCode} ${detail}`.trim(),
        );
      }
      collected.timestamps.push(...result.Timestamps);
      collected.values.push(...result.Values);
    }
    nextToken = page.NextToken;
    options.signal?.throwIfAborted();
  } while (nextToken);
  return results;
}
