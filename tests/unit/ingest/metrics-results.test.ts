import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { describe, expect, it } from "vitest";
import { dailyRows } from "@/lib/ingest/metrics/daily-rows";
import { fetchMetricBatch } from "@/lib/ingest/metrics/fetch-metric-batch";
import { planMetricBatches, type MetricBatch } from "@/lib/ingest/metrics/plan-metric-queries";
import { indexPublishedMetrics } from "@/lib/ingest/metrics/plan-metric-queries";

const day = (d: string) => new Date(`${d}T00:00:00Z`);

function batch(): MetricBatch {
  const [only] = planMetricBatches(
    "us-east-1",
    [{ id: "r1", kind: "EC2_INSTANCE", resourceId: "i-1", region: "us-east-1", from: "2026-11-17" }],
    indexPublishedMetrics([]),
    "2026-11-20",
  );
  return only!;
}

/** A CloudWatch client that answers from a list of pages and records the requests. */
function fakeClient(pages: unknown[]) {
  const inputs: Array<Record<string, unknown>> = [];
  const client = {
    send: async (command: { input: Record<string, unknown> }) => {
      inputs.push(command.input);
      return pages.shift();
    },
  } as unknown as CloudWatchClient;
  return { client, inputs };
}

describe("metric results", () => {
  it("stores a silent day of an unattached volume's activity as samples 0, and an active one as measured", () => {
    const [volume] = planMetricBatches(
      "us-east-1",
      [{ id: "v1", kind: "EBS_VOLUME", resourceId: "vol-1", region: "us-east-1", from: "2026-11-18" }],
      indexPublishedMetrics([]),
      "2026-11-20",
    );
    expect(volume!.queries.map((q) => [q.metricName, q.statistic, q.dimensions[0]!.Name])).toEqual([
      ["VolumeReadOps", "Sum", "VolumeId"],
      ["VolumeReadOps", "SampleCount", "VolumeId"],
      ["VolumeWriteOps", "Sum", "VolumeId"],
      ["VolumeWriteOps", "SampleCount", "VolumeId"],
    ]);
    // attached on the 18th (reads and writes), detached since: nothing on the 19th
    const results = new Map([
      ["m0", { timestamps: [day("2026-11-18")], values: [5000] }],
      ["m1", { timestamps: [day("2026-11-18")], values: [288] }],
      ["m2", { timestamps: [day("2026-11-18")], values: [900] }],
      ["m3", { timestamps: [day("2026-11-18")], values: [288] }],
    ]);
    const rows = dailyRows(volume!, results).map((r) => [r.metric, r.day, r.sum, r.samples]);
    expect(rows).toEqual([
      ["AWS/EBS/VolumeReadOps", "2026-11-18", 5000, 288],
      ["AWS/EBS/VolumeWriteOps", "2026-11-18", 900, 288],
      ["AWS/EBS/VolumeReadOps", "2026-11-19", null, 0],
      ["AWS/EBS/VolumeWriteOps", "2026-11-19", null, 0],
    ]);
    // an instance's metrics record no silent days: a missing day stays missing (insufficient data)
    expect(dailyRows(batch(), new Map()).length).toBe(0);
  });

  it("folds the statistics of each day into one row, mapping query ids back", () => {
    const b = batch();
    const results = new Map([
      ["m0", { timestamps: [day("2026-11-17"), day("2026-11-18")], values: [10, 12] }], // CPU Average
      ["m1", { timestamps: [day("2026-11-17"), day("2026-11-18")], values: [40, 50] }], // CPU Maximum
      ["m2", { timestamps: [day("2026-11-17")], values: [30] }], // CPU p95
      ["m3", { timestamps: [day("2026-11-17")], values: [288.0000001] }], // CPU SampleCount
      ["m4", { timestamps: [day("2026-11-17"), day("2026-11-20")], values: [1e6, 5] }], // NetworkIn Sum, then a day past the window
    ]);
    expect(dailyRows(b, results)).toEqual([
      {
        resourceId: "r1",
        metric: "AWS/EC2/CPUUtilization",
        day: "2026-11-17",
        average: 10,
        maximum: 40,
        p95: 30,
        sum: null,
        samples: 288,
      },
      {
        resourceId: "r1",
        metric: "AWS/EC2/CPUUtilization",
        day: "2026-11-18",
        average: 12,
        maximum: 50,
        p95: null,
        sum: null,
        samples: null,
      },
      {
        resourceId: "r1",
        metric: "AWS/EC2/NetworkIn",
        day: "2026-11-17",
        average: null,
        maximum: null,
        p95: null,
        sum: 1e6,
        samples: null,
      },
    ]);
  });

  it("collects a query's datapoints across NextToken pages", async () => {
    const b = batch();
    const result = (id: string, days: string[], status = "Complete") => ({
      Id: id,
      Timestamps: days.map(day),
      Values: days.map((_, i) => i + 1),
      StatusCode: status,
    });
    const { client, inputs } = fakeClient([
      { MetricDataResults: [result("m0", ["2026-11-17", "2026-11-18"], "PartialData")], NextToken: "t1" },
      { MetricDataResults: [result("m0", ["2026-11-19"]), result("m1", ["2026-11-17"])] },
    ]);
    const collected = await fetchMetricBatch(client, b);
    expect(collected.get("m0")!.timestamps.map((t) => t.toISOString().slice(0, 10))).toEqual([
      "2026-11-17",
      "2026-11-18",
      "2026-11-19",
    ]);
    expect(collected.get("m1")!.values).toEqual([1]);
    expect(inputs.map((input) => input.NextToken)).toEqual([undefined, "t1"]);
    expect(inputs[0]).toMatchObject({ StartTime: day("2026-11-17"), EndTime: day("2026-11-20") });
    expect((inputs[0]!.MetricDataQueries as Array<{ Id: string }>).map((q) => q.Id)).toEqual([
      "m0",
      "m1",
      "m2",
      "m3",
      "m4",
      "m5",
    ]);
  });

  it("fails naming CloudWatch GetMetricData and the field on a bad page or a refused query", async () => {
    const bad = fakeClient([
      { MetricDataResults: [{ Id: "m0", Timestamps: [day("2026-11-17")], Values: [], StatusCode: "Complete" }] },
    ]);
    await expect(fetchMetricBatch(bad.client, batch())).rejects.toThrow(
      "CloudWatch GetMetricData returned an unexpected payload: MetricDataResults[0].Values: expected as many Values as Timestamps",
    );
    const forbidden = fakeClient([
      {
        MetricDataResults: [
          { Id: "m0", Timestamps: [], Values: [], StatusCode: "Forbidden", Messages: [{ Value: "no access" }] },
        ],
      },
    ]);
    await expect(fetchMetricBatch(forbidden.client, batch())).rejects.toThrow(
      "CloudWatch GetMetricData returned an unexpected payload: MetricDataResults[0].StatusCode: Forbidden no access",
    );
    const unknown = fakeClient([
      { MetricDataResults: [{ Id: "x9", Timestamps: [], Values: [], StatusCode: "Complete" }] },
    ]);
    await expect(fetchMetricBatch(unknown.client, batch())).rejects.toThrow(
      /MetricDataResults\[0\]\.Id: unknown query id x9/,
    );
  });

  it("wraps an SDK failure with the API and operation", async () => {
    const client = {
      send: async () => {
        throw Object.assign(new Error("Rate exceeded"), { name: "Throttling" });
      },
    } as unknown as CloudWatchClient;
    await expect(fetchMetricBatch(client, batch())).rejects.toThrow(
      "CloudWatch GetMetricData failed: Throttling: Rate exceeded",
    );
  });
});
