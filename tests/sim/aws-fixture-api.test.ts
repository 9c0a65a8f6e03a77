// The inventory and metrics APIs against a small hand-built organisation whose edge cases are known by
// construction: an instance terminated today, one gone long ago, a stopped one, a warm pool, an idle
// replica, a deleted database, an orphan volume, a gateway endpoint and a second region.
import { CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import {
  DescribeInstancesCommand,
  DescribeRouteTablesCommand,
  DescribeVolumesCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from "@aws-sdk/client-auto-scaling";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientConfig, serveOrganisation, type ServedOrganisation } from "./fixtures/aws-sandbox";
import { smallOrganisation, TODAY } from "./fixtures/small-organisation";

let served: ServedOrganisation;
let ec2: EC2Client;

beforeAll(async () => {
  served = await serveOrganisation(smallOrganisation());
  ec2 = new EC2Client(clientConfig(served.url));
});
afterAll(async () => {
  ec2.destroy();
  await served.close();
});

const id = (n: number) => `i-${n.toString(16).padStart(17, "0")}`;

describe("small organisation", () => {
  it("lists live and terminated-today instances of the region only", async () => {
    const out = await ec2.send(new DescribeInstancesCommand({}));
    const instances = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
    const states = Object.fromEntries(instances.map((i) => [i.InstanceId, i.State?.Name]));
    expect(Object.keys(states)).toHaveLength(17);
    expect(states[id(14)]).toBe("terminated");
    expect(states[id(15)]).toBeUndefined();
    expect(states[id(19)]).toBeUndefined();
    expect(states[id(13)]).toBe("stopped");
    const stopped = instances.find((i) => i.InstanceId === id(13));
    expect(stopped?.StateTransitionReason).toMatch(/^User initiated \(2026-10-01 \d\d:\d\d:00 GMT\)$/);
    const terminated = instances.find((i) => i.InstanceId === id(14));
    expect(terminated?.StateTransitionReason).toBe(`User initiated (${TODAY} 00:00:00 GMT)`);
  });

  it("shows the orphan volume as available and drops volumes of gone instances", async () => {
    const out = await ec2.send(new DescribeVolumesCommand({}));
    const byId = new Map((out.Volumes ?? []).map((v) => [v.VolumeId, v]));
    expect(byId.get("vol-0000000000000ffff")?.State).toBe("available");
    expect(byId.has(`vol-${(15).toString(16).padStart(17, "0")}`)).toBe(false);
  });

  it("routes S3 through the gateway endpoint", async () => {
    const out = await ec2.send(new DescribeRouteTablesCommand({}));
    const routes = out.RouteTables?.[0]?.Routes ?? [];
    expect(routes.map((r) => r.GatewayId ?? r.NatGatewayId)).toEqual([
      "local",
      "nat-0000000000000a001",
      "vpce-0000000000000a001",
    ]);
  });

  it("hides the deleted database and keeps the replica links", async () => {
    const rds = new RDSClient(clientConfig(served.url));
    const out = await rds.send(new DescribeDBInstancesCommand({}));
    expect(out.DBInstances?.map((d) => d.DBInstanceIdentifier)).toEqual([
      "orders",
      "orders-replica-idle",
      "orders-replica-busy",
    ]);
    expect(out.DBInstances?.[0]?.ReadReplicaDBInstanceIdentifiers).toEqual([
      "orders-replica-idle",
      "orders-replica-busy",
    ]);
    rds.destroy();
  });

  it("keeps the warm-pool instance out of the group's InService members", async () => {
    const autoscaling = new AutoScalingClient(clientConfig(served.url));
    const out = await autoscaling.send(new DescribeAutoScalingGroupsCommand({}));
    expect(out.AutoScalingGroups?.[0]?.Instances?.map((i) => i.InstanceId)).toEqual([id(16), id(17)]);
    expect(out.AutoScalingGroups?.[0]?.WarmPoolSize).toBe(1);
    autoscaling.destroy();
  });

  it("ends a gone instance's metrics at 00:00 of its goneDay", async () => {
    const cloudwatch = new CloudWatchClient(clientConfig(served.url));
    const out = await cloudwatch.send(
      new GetMetricDataCommand({
        StartTime: new Date("2026-08-25T00:00:00Z"),
        EndTime: new Date("2026-09-05T00:00:00Z"),
        MetricDataQueries: [
          {
            Id: "cpu",
            MetricStat: {
              Metric: {
                Namespace: "AWS/EC2",
                MetricName: "CPUUtilization",
                Dimensions: [{ Name: "InstanceId", Value: id(15) }],
              },
              Period: 86400,
              Stat: "SampleCount",
            },
          },
        ],
      }),
    );
    const result = out.MetricDataResults?.[0];
    expect(result?.Timestamps?.[0]?.toISOString()).toBe("2026-08-31T00:00:00.000Z");
    expect(result?.Values?.[0]).toBe(288);
    cloudwatch.destroy();
  });

  it("refuses unsigned requests in each API's own error shape", async () => {
    const post = async (body: string) =>
      (
        await fetch(`${served.url}/`, {
          method: "POST",
          body,
          headers: { "content-type": "application/x-www-form-urlencoded" },
        })
      ).text();
    expect(await post("Action=DescribeInstances&Version=2016-11-15")).toMatch(
      /^<\?xml[^>]*>\n<Response><Errors><Error><Code>MissingAuthenticationToken<\/Code>/,
    );
    expect(await post("Action=DescribeDBInstances&Version=2014-10-31")).toMatch(
      /<ErrorResponse xmlns="http:\/\/rds\.amazonaws\.com\/doc\/2014-10-31\/"><Error><Type>Sender<\/Type><Code>MissingAuthenticationToken/,
    );
  });
});
