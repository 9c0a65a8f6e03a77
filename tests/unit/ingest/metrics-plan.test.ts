import { describe, expect, it } from "vitest";
import {
  indexPublishedMetrics,
  planMetricBatches,
  resourceQueries,
  type MeteredResource,
} from "@/lib/ingest/metrics/plan-metric-queries";
import { metricFromDay } from "@/lib/ingest/metrics/metric-window";

const TO = "2026-11-20";

function instance(n: number, from = "2026-10-21"): MeteredResource {
  return {
    id: `r${String(n).padStart(4, "0")}`,
    kind: "EC2_INSTANCE",
    resourceId: `i-${n}`,
    region: "us-east-1",
    from,
  };
}

const none = indexPublishedMetrics([]);

describe("metric queries", () => {
  it("asks for CPU, network and (only where listed) memory of an instance", () => {
    const plain = resourceQueries(instance(1), none).flat();
    expect(plain.map((q) => `${q.metric}:${q.statistic}>${q.column}`)).toEqual([
      "AWS/EC2/CPUUtilization:Average>average",
      "AWS/EC2/CPUUtilization:Maximum>maximum",
      "AWS/EC2/CPUUtilization:p95>p95",
      "AWS/EC2/CPUUtilization:SampleCount>samples",
      "AWS/EC2/NetworkIn:Sum>sum",
      "AWS/EC2/NetworkOut:Sum>sum",
    ]);
    expect(plain[0]!.dimensions).toEqual([{ Name: "InstanceId", Value: "i-1" }]);

    // The agent publishes memory twice; the plain per-instance series wins over the one with more dimensions.
    const published = indexPublishedMetrics([
      {
        namespace: "CWAgent",
        metricName: "mem_used_percent",
        dimensions: [
          { Name: "InstanceId", Value: "i-1" },
          { Name: "ImageId", Value: "ami-1" },
        ],
      },
      { namespace: "CWAgent", metricName: "mem_used_percent", dimensions: [{ Name: "InstanceId", Value: "i-1" }] },
    ]);
    const memory = resourceQueries(instance(1), published)
      .flat()
      .filter((q) => q.namespace === "CWAgent");
    expect(memory.map((q) => q.statistic)).toEqual(["Average", "Maximum", "p95"]);
    expect(memory[0]!.metric).toBe("CWAgent/mem_used_percent");
    expect(memory[0]!.dimensions).toEqual([{ Name: "InstanceId", Value: "i-1" }]);
    expect(
      resourceQueries(instance(2), published)
        .flat()
        .some((q) => q.namespace === "CWAgent"),
    ).toBe(false);
  });

  it("names the NAT flow-log split by destination, and leaves it out where nobody publishes it", () => {
    const nat: MeteredResource = {
      id: "n1",
      kind: "NAT_GATEWAY",
      resourceId: "nat-1",
      region: "us-east-1",
      from: "2026-11-01",
    };
    const published = indexPublishedMetrics(
      ["s3", "internet"].map((service) => ({
        namespace: "CostLens/NatFlowLogs",
        metricName: "BytesToService",
        dimensions: [
          { Name: "NatGatewayId", Value: "nat-1" },
          { Name: "Service", Value: service },
        ],
      })),
    );
    expect(
      resourceQueries(nat, published)
        .flat()
        .map((q) => q.metric),
    ).toEqual([
      "AWS/NATGateway/BytesOutToDestination",
      "AWS/NATGateway/BytesInFromSource",
      "CostLens/NatFlowLogs/BytesToService:internet",
      "CostLens/NatFlowLogs/BytesToService:s3",
    ]);
    expect(resourceQueries(nat, none).flat()).toHaveLength(2);
  });

  it("packs at most 500 queries a request without splitting a series' statistics", () => {
    const resources = Array.from({ length: 600 }, (_, n) => instance(n));
    const batches = planMetricBatches("us-east-1", resources, none, TO);
    expect(batches.every((batch) => batch.queries.length <= 500)).toBe(true);
    // 6 queries an instance: 3,600 in 8 requests (each holds 83 instances = 498 queries)
    expect(batches.reduce((sum, batch) => sum + batch.queries.length, 0)).toBe(3600);
    expect(batches).toHaveLength(8);
    for (const batch of batches) {
      const series = new Set(batch.queries.map((q) => `${q.resource}|${q.metric}`));
      for (const key of series) {
        const elsewhere = batches.filter(
          (b) => b !== batch && b.queries.some((q) => `${q.resource}|${q.metric}` === key),
        );
        expect(elsewhere).toEqual([]);
      }
    }
  });

  it("orders resources by their first day and starts each request at its earliest", () => {
    const resources = [instance(1, "2026-11-19"), instance(2, "2026-10-21"), instance(3, "2026-11-19")];
    const batches = planMetricBatches("us-east-1", resources, none, TO, 12);
    expect(batches.map((b) => [b.from, [...new Set(b.queries.map((q) => q.resource))]])).toEqual([
      ["2026-10-21", ["r0002", "r0001"]],
      ["2026-11-19", ["r0003"]],
    ]);
    expect(batches.every((b) => b.to === TO)).toBe(true);
  });

  it("plans nothing for a resource whose window is empty", () => {
    expect(planMetricBatches("us-east-1", [instance(1, TO)], none, TO)).toEqual([]);
  });
});

describe("metric window", () => {
  it("backfills 30 days for a resource with nothing stored", () => {
    expect(metricFromDay(TO, undefined)).toBe("2026-10-21");
  });

  it("re-fetches from the newest stored day", () => {
    expect(metricFromDay(TO, "2026-11-19")).toBe("2026-11-19");
    expect(metricFromDay(TO, "2026-11-12")).toBe("2026-11-12");
  });

  it("never reaches back beyond the backfill, nor starts after yesterday", () => {
    expect(metricFromDay(TO, "2026-08-01")).toBe("2026-10-21");
    expect(metricFromDay(TO, "2026-11-25")).toBe("2026-11-19");
    expect(metricFromDay(TO, undefined, { backfillDays: 14 })).toBe("2026-11-06");
  });
});
