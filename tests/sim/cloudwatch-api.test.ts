// Contract tests for the sandbox's CloudWatch with the official @aws-sdk/client-cloudwatch (AWS JSON 1.0):
// daily aggregates agree with hourly ones, nothing exists outside a resource's life, the 500-query limit,
// NextToken paging, and metrics that say what the profiles promise.
import {
  CloudWatchClient,
  GetMetricDataCommand,
  ListMetricsCommand,
  paginateGetMetricData,
  paginateListMetrics,
  type MetricDataQuery,
  type MetricDataResult,
} from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../sim/org/days";
import type { Organisation } from "../../sim/org/model";
import { startSandbox, type RunningSandbox } from "../../sim/server/start-sandbox";
import { clientConfig } from "./fixtures/aws-sandbox";

const TODAY = "2026-11-20";
let sandbox: RunningSandbox;
let org: Organisation;
let cloudwatch: CloudWatchClient;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 42, scale: 1, today: TODAY });
  org = sandbox.ctx.org;
  cloudwatch = new CloudWatchClient(clientConfig(sandbox.url));
});
afterAll(async () => {
  cloudwatch.destroy();
  await sandbox.close();
});

const at = (day: string) => new Date(`${day}T00:00:00Z`);

function query(
  id: string,
  namespace: string,
  metricName: string,
  dimension: [string, string],
  period: number,
  stat: string,
): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: namespace,
        MetricName: metricName,
        Dimensions: [{ Name: dimension[0], Value: dimension[1] }],
      },
      Period: period,
      Stat: stat,
    },
  };
}

async function results(
  queries: MetricDataQuery[],
  from: string,
  to: string,
  extra: { ScanBy?: "TimestampAscending" } = {},
) {
  const out = await cloudwatch.send(
    new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: at(from), EndTime: at(to), ...extra }),
  );
  return new Map((out.MetricDataResults ?? []).map((r) => [r.Id ?? "", r]));
}

const values = (r: MetricDataResult | undefined) => r?.Values ?? [];
const running = () =>
  org.instances.filter(
    (i) => i.region === "us-east-1" && i.state === "running" && !i.goneDay && i.launchDay < addDays(TODAY, -30),
  );

describe("GetMetricData", () => {
  it("makes daily statistics consistent with hourly ones", async () => {
    const instance = running()[0];
    const dim: [string, string] = ["InstanceId", instance?.id ?? ""];
    const stats = ["Maximum", "Minimum", "Sum", "Average", "SampleCount", "p95"];
    const queries = stats.flatMap((stat) => [
      query(`h${stat}`, "AWS/EC2", "CPUUtilization", dim, 3600, stat),
      query(`d${stat}`, "AWS/EC2", "CPUUtilization", dim, 86400, stat),
    ]);
    const r = await results(queries, addDays(TODAY, -3), TODAY, { ScanBy: "TimestampAscending" });
    const hourly = (stat: string) => values(r.get(`h${stat}`));
    const daily = (stat: string) => values(r.get(`d${stat}`));
    expect(hourly("Maximum")).toHaveLength(72);
    expect(daily("Maximum")).toHaveLength(3);
    for (let day = 0; day < 3; day++) {
      const hours = (stat: string) => hourly(stat).slice(day * 24, day * 24 + 24);
      expect(daily("Maximum")[day]).toBe(Math.max(...hours("Maximum")));
      expect(daily("Minimum")[day]).toBe(Math.min(...hours("Minimum")));
      expect(daily("Sum")[day]).toBeCloseTo(
        hours("Sum").reduce((a, b) => a + b, 0),
        6,
      );
      expect(daily("SampleCount")[day]).toBe(288);
      expect(daily("Average")[day]).toBeCloseTo(hours("Average").reduce((a, b) => a + b, 0) / 24, 6);
      expect(daily("p95")[day]).toBeLessThanOrEqual(daily("Maximum")[day] ?? 0);
    }
  });

  it("returns what the utilisation profile promises over 14 days", async () => {
    const instance = running().find((i) => !i.usage.businessHoursOnly);
    const dim: [string, string] = ["InstanceId", instance?.id ?? ""];
    const r = await results(
      [
        query("max", "AWS/EC2", "CPUUtilization", dim, 86400, "Maximum"),
        query("avg", "AWS/EC2", "CPUUtilization", dim, 86400, "Average"),
      ],
      addDays(TODAY, -14),
      TODAY,
    );
    expect(Math.max(...values(r.get("max")))).toBeLessThanOrEqual(instance?.usage.cpuMax ?? 0);
    expect(Math.max(...values(r.get("max")))).toBeGreaterThan((instance?.usage.cpuMax ?? 0) * 0.8);
    const mean = values(r.get("avg")).reduce((a, b) => a + b, 0) / 14;
    expect(mean).toBeGreaterThan((instance?.usage.cpuMean ?? 0) * 0.8);
    expect(mean).toBeLessThan((instance?.usage.cpuMean ?? 0) * 1.25 + 0.5);
  });

  it("answers the same query the same way, newest first by default", async () => {
    const dim: [string, string] = ["InstanceId", running()[1]?.id ?? ""];
    const q = [query("net", "AWS/EC2", "NetworkIn", dim, 3600, "Sum")];
    const first = await results(q, addDays(TODAY, -2), TODAY);
    const second = await results(q, addDays(TODAY, -2), TODAY);
    expect(first.get("net")).toEqual(second.get("net"));
    const stamps = first.get("net")?.Timestamps?.map((t) => t.getTime()) ?? [];
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
  });

  it("has no datapoint after goneDay, before launch, or while stopped", async () => {
    const [gone, stopped] = [
      running()[2],
      org.instances.find((i) => i.region === "us-east-1" && i.state === "stopped"),
    ];
    if (!gone || !stopped) throw new Error("the organisation needs a running and a stopped instance");
    gone.goneDay = addDays(TODAY, -5);
    try {
      const r = await results(
        [
          query("gone", "AWS/EC2", "CPUUtilization", ["InstanceId", gone.id], 3600, "Average"),
          query("stopped", "AWS/EC2", "CPUUtilization", ["InstanceId", stopped.id], 3600, "Average"),
          query("launch", "AWS/EC2", "CPUUtilization", ["InstanceId", gone.id], 86400, "SampleCount"),
        ],
        addDays(TODAY, -10),
        TODAY,
      );
      const last = Math.max(...(r.get("gone")?.Timestamps ?? []).map((t) => t.getTime()));
      expect(last).toBe(at(gone.goneDay).getTime() - 3600_000);
      const stoppedStamps = (r.get("stopped")?.Timestamps ?? []).map((t) => t.toISOString().slice(0, 10));
      expect(stoppedStamps.every((d) => d <= stopped.stateChangeDay)).toBe(true);
    } finally {
      delete gone.goneDay;
    }
    const launched = await results(
      [query("first", "AWS/EC2", "CPUUtilization", ["InstanceId", gone.id], 86400, "SampleCount")],
      addDays(gone.launchDay, -3),
      addDays(gone.launchDay, 2),
      {
        ScanBy: "TimestampAscending",
      },
    );
    const first = launched.get("first");
    expect(first?.Timestamps?.[0]?.toISOString().slice(0, 10)).toBe(gone.launchDay);
    expect(first?.Values?.[0]).toBeLessThan(288);
  });

  it("reports EBS activity while a volume is attached and none after it was detached", async () => {
    const detachedToday = org.volumes.find((v) => v.state === "available" && v.detachedDay === TODAY);
    const orphan = org.volumes.find((v) => v.state === "available" && v.detachedDay! < addDays(TODAY, -20));
    const attached = org.volumes.find((v) => v.attachedInstanceId === running()[0]!.id);
    if (!detachedToday || !orphan || !attached) throw new Error("the organisation needs these three volumes");
    const r = await results(
      [
        query("today", "AWS/EBS", "VolumeWriteOps", ["VolumeId", detachedToday.id], 86400, "SampleCount"),
        query("orphan", "AWS/EBS", "VolumeWriteOps", ["VolumeId", orphan.id], 86400, "SampleCount"),
        query("attached", "AWS/EBS", "VolumeReadOps", ["VolumeId", attached.id], 86400, "Sum"),
      ],
      addDays(TODAY, -14),
      TODAY,
      { ScanBy: "TimestampAscending" },
    );
    const days = (id: string) => (r.get(id)?.Timestamps ?? []).map((t) => t.toISOString().slice(0, 10));
    expect(days("today")).toHaveLength(14);
    expect(days("today").at(-1)).toBe(addDays(TODAY, -1));
    expect(values(r.get("today")).every((count) => count === 288)).toBe(true);
    expect(days("orphan")).toEqual([]);
    expect(days("attached")).toHaveLength(14);
    const before = await results(
      [query("last", "AWS/EBS", "VolumeWriteOps", ["VolumeId", orphan.id], 86400, "SampleCount")],
      addDays(orphan.detachedDay!, -3),
      addDays(orphan.detachedDay!, 3),
      { ScanBy: "TimestampAscending" },
    );
    expect(
      before
        .get("last")
        ?.Timestamps?.map((t) => t.toISOString().slice(0, 10))
        .at(-1),
    ).toBe(addDays(orphan.detachedDay!, -1));
  });

  it("reports RDS, NAT and agent memory metrics from the model", async () => {
    const idle = org.dbInstances.find(
      (d) => d.region === "us-east-1" && d.replicaSourceIdentifier && d.usage.connectionsMax === 0,
    );
    const nat = org.natGateways.find((n) => n.region === "us-east-1" && n.createdDay < addDays(TODAY, -5));
    const withMemory = running().find((i) => i.usage.memoryP95 !== undefined);
    const withoutMemory = running().find((i) => i.usage.memoryP95 === undefined);
    const r = await results(
      [
        query(
          "conn",
          "AWS/RDS",
          "DatabaseConnections",
          ["DBInstanceIdentifier", idle?.identifier ?? ""],
          86400,
          "Maximum",
        ),
        query("nat", "AWS/NATGateway", "BytesOutToDestination", ["NatGatewayId", nat?.id ?? ""], 86400, "Sum"),
        query("mem", "CWAgent", "mem_used_percent", ["InstanceId", withMemory?.id ?? ""], 86400, "Maximum"),
        query("nomem", "CWAgent", "mem_used_percent", ["InstanceId", withoutMemory?.id ?? ""], 86400, "Maximum"),
      ],
      addDays(TODAY, -3),
      TODAY,
    );
    expect(values(r.get("conn"))).toEqual([0, 0, 0]);
    const natBytes = Object.values(nat?.bytesPerDay ?? {}).reduce((a, b) => a + b, 0);
    for (const v of values(r.get("nat"))) expect(v / natBytes).toBeCloseTo(1, 9);
    expect(values(r.get("mem"))).toHaveLength(3);
    expect(values(r.get("nomem"))).toEqual([]);
  });

  it("pages with NextToken and MaxDatapoints, losing and repeating nothing", async () => {
    const instances = running().slice(0, 20);
    const queries = instances.map((i, n) =>
      query(`q${n}`, "AWS/EC2", "CPUUtilization", ["InstanceId", i.id], 3600, "Maximum"),
    );
    const input = { MetricDataQueries: queries, StartTime: at(addDays(TODAY, -2)), EndTime: at(TODAY) };
    const merged = new Map<string, number[]>();
    let pages = 0;
    for await (const page of paginateGetMetricData({ client: cloudwatch }, { ...input, MaxDatapoints: 100 })) {
      pages++;
      for (const r of page.MetricDataResults ?? [])
        merged.set(r.Id ?? "", [...(merged.get(r.Id ?? "") ?? []), ...(r.Values ?? [])]);
    }
    expect(pages).toBe(Math.ceil((20 * 48) / 100));
    const whole = await cloudwatch.send(new GetMetricDataCommand(input));
    for (const r of whole.MetricDataResults ?? []) expect(merged.get(r.Id ?? "")).toEqual(r.Values);
  });

  it("refuses more than 500 queries with ValidationError", async () => {
    const queries = Array.from({ length: 501 }, (_, n) =>
      query(`q${n}`, "AWS/EC2", "CPUUtilization", ["InstanceId", "i-0"], 3600, "Average"),
    );
    await expect(
      cloudwatch.send(
        new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: at(addDays(TODAY, -1)), EndTime: at(TODAY) }),
      ),
    ).rejects.toMatchObject({ name: "ValidationException", Code: "ValidationError" });
    const ok = await cloudwatch.send(
      new GetMetricDataCommand({
        MetricDataQueries: queries.slice(0, 500),
        StartTime: at(addDays(TODAY, -1)),
        EndTime: at(TODAY),
      }),
    );
    expect(ok.MetricDataResults).toHaveLength(500);
    await expect(
      cloudwatch.send(
        new GetMetricDataCommand({
          MetricDataQueries: queries.slice(0, 1),
          StartTime: at(TODAY),
          EndTime: at(addDays(TODAY, -1)),
        }),
      ),
    ).rejects.toMatchObject({ name: "InvalidParameterValueException" });
  });
});

describe("NAT traffic after a VPC endpoint appears", () => {
  it("drops the traffic the endpoint now carries from the endpoint's creation day on", async () => {
    const nat = org.natGateways.find(
      (n) =>
        !n.goneDay && n.bytesPerDay.s3 > 0 && !org.vpcEndpoints.some((e) => e.vpcId === n.vpcId && e.service === "s3"),
    )!;
    const created = addDays(TODAY, -2);
    const dims: [string, string] = ["NatGatewayId", nat.id];
    const s3Query = {
      Id: "s3",
      MetricStat: {
        Metric: {
          Namespace: "CostLens/NatFlowLogs",
          MetricName: "BytesToService",
          Dimensions: [
            { Name: "NatGatewayId", Value: nat.id },
            { Name: "Service", Value: "s3" },
          ],
        },
        Period: 86400,
        Stat: "Sum",
      },
    };
    const before = await results(
      [s3Query, query("all", "AWS/NATGateway", "BytesOutToDestination", dims, 86400, "Sum")],
      addDays(TODAY, -4),
      TODAY,
      { ScanBy: "TimestampAscending" },
    );
    org.vpcEndpoints.push({
      id: "vpce-0test0000000000001",
      vpcId: nat.vpcId,
      accountId: nat.accountId,
      region: nat.region,
      service: "s3",
      serviceName: `com.amazonaws.${nat.region}.s3`,
      type: "Gateway",
      routeTableIds: [],
      subnetIds: [],
      createdDay: created,
      managedBy: "terraform",
      tags: {},
    });
    try {
      const after = await results(
        [s3Query, query("all", "AWS/NATGateway", "BytesOutToDestination", dims, 86400, "Sum")],
        addDays(TODAY, -4),
        TODAY,
        { ScanBy: "TimestampAscending" },
      );
      expect(values(before.get("s3")).every((bytes) => bytes > 0)).toBe(true);
      expect(values(after.get("s3")).slice(0, 2)).toEqual(values(before.get("s3")).slice(0, 2));
      expect(values(after.get("s3")).slice(2)).toEqual([0, 0]);
      const dropped = values(before.get("all")).map((bytes, index) => bytes - values(after.get("all"))[index]!);
      expect(dropped.slice(0, 2)).toEqual([0, 0]);
      expect(dropped[2]).toBeCloseTo(values(before.get("s3"))[2]!, 0);
    } finally {
      org.vpcEndpoints.pop();
    }
  });
});

describe("ListMetrics", () => {
  it("lists each NAT gateway's metrics and pages through everything", async () => {
    const nat = await cloudwatch.send(
      new ListMetricsCommand({ Namespace: "AWS/NATGateway", MetricName: "BytesOutToDestination" }),
    );
    expect(nat.Metrics?.length).toBe(org.natGateways.filter((n) => n.region === "us-east-1").length);
    let total = 0;
    let pages = 0;
    for await (const page of paginateListMetrics({ client: cloudwatch }, {})) {
      pages++;
      total += page.Metrics?.length ?? 0;
    }
    expect(pages).toBe(Math.ceil(total / 500));
    expect(total).toBeGreaterThan(1000);
  });
});
