// The metrics that exist only where something publishes them (the CloudWatch agent's memory, the NAT
// flow-log aggregate), read with ListMetrics: it gives their exact dimension sets (an agent may add
// ImageId or InstanceType), and GetMetricData matches dimensions exactly. ListMetrics shows metrics with
// data in the last two weeks, which is what the detectors look at.
import { CloudWatchClient, ListMetricsCommand } from "@aws-sdk/client-cloudwatch";
import { callAws } from "../../aws/call-aws";
import { parsePayload } from "../../aws/parse-payload";
import { listMetricsPage, type Dimension } from "./cloudwatch-payloads";

export interface PublishedMetric {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
}

export async function listPublishedMetrics(
  client: CloudWatchClient,
  metric: { namespace: string; metricName: string },
  signal?: AbortSignal,
): Promise<PublishedMetric[]> {
  const published: PublishedMetric[] = [];
  let nextToken: string | undefined;
  do {
    const response = await callAws("CloudWatch", "ListMetrics", () =>
      client.send(
        new ListMetricsCommand({ Namespace: metric.namespace, MetricName: metric.metricName, NextToken: nextToken }),
        { abortSignal: signal },
      ),
    );
    const page = parsePayload(listMetricsPage, response, "CloudWatch", "ListMetrics");
    for (const listed of page.Metrics) {
      published.push({ namespace: listed.Namespace, metricName: listed.MetricName, dimensions: listed.Dimensions });
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return published;
}
