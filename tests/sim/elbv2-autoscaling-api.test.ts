// Contract tests for target groups (ELBv2) and auto-scaling groups with the official clients: paging,
// target health, group membership and warm pools, which keep stopped instances from looking forgotten.
import {
  AutoScalingClient,
  DescribeWarmPoolCommand,
  paginateDescribeAutoScalingGroups,
  type AutoScalingGroup,
} from "@aws-sdk/client-auto-scaling";
import {
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  paginateDescribeTargetGroups,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Organisation } from "../../sim/org/model";
import { startSandbox, type RunningSandbox } from "../../sim/server/start-sandbox";
import { clientConfig } from "./fixtures/aws-sandbox";

let sandbox: RunningSandbox;
let org: Organisation;
let elb: ElasticLoadBalancingV2Client;
let autoscaling: AutoScalingClient;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 42, scale: 1, today: "2026-11-20" });
  org = sandbox.ctx.org;
  elb = new ElasticLoadBalancingV2Client(clientConfig(sandbox.url));
  autoscaling = new AutoScalingClient(clientConfig(sandbox.url));
});
afterAll(async () => {
  elb.destroy();
  autoscaling.destroy();
  await sandbox.close();
});

describe("ELBv2", () => {
  it("pages through target groups with Marker", async () => {
    const arns: string[] = [];
    let pages = 0;
    // This paginator has no page-size key, so the page size goes in the input.
    for await (const page of paginateDescribeTargetGroups({ client: elb }, { PageSize: 1 })) {
      pages++;
      arns.push(...(page.TargetGroups ?? []).map((g) => g.TargetGroupArn ?? ""));
    }
    const expected = org.targetGroups.filter((g) => g.region === "us-east-1").map((g) => g.arn);
    expect(pages).toBe(expected.length);
    expect(arns.sort()).toEqual(expected.sort());
  });

  it("reports the health of every registered instance", async () => {
    const group = org.targetGroups.find((g) => g.region === "us-east-1" && g.instanceIds.length > 0);
    const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: group?.arn }));
    expect(out.TargetHealthDescriptions?.map((d) => d.Target?.Id).sort()).toEqual(
      [...(group?.instanceIds ?? [])].sort(),
    );
    for (const d of out.TargetHealthDescriptions ?? []) {
      const stopped = org.instances.find((i) => i.id === d.Target?.Id)?.state === "stopped";
      expect(d.TargetHealth?.State).toBe(stopped ? "unused" : "healthy");
    }
  });

  it("refuses unknown target groups", async () => {
    const arn = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/nope/0000000000000000";
    await expect(elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [arn] }))).rejects.toMatchObject({
      name: "TargetGroupNotFoundException",
    });
    await expect(elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }))).rejects.toMatchObject({
      name: "TargetGroupNotFoundException",
    });
  });
});

describe("Auto Scaling", () => {
  async function allGroups(pageSize: number): Promise<{ groups: AutoScalingGroup[]; pages: number }> {
    const groups: AutoScalingGroup[] = [];
    let pages = 0;
    for await (const page of paginateDescribeAutoScalingGroups({ client: autoscaling, pageSize }, {})) {
      pages++;
      groups.push(...(page.AutoScalingGroups ?? []));
    }
    return { groups, pages };
  }

  it("pages through every group with its InService members", async () => {
    const expected = org.autoScalingGroups.filter((g) => g.region === "us-east-1");
    const { groups, pages } = await allGroups(2);
    expect(pages).toBe(Math.ceil(expected.length / 2));
    expect(groups.map((g) => g.AutoScalingGroupName).sort()).toEqual(expected.map((g) => g.name).sort());
    for (const model of expected) {
      const group = groups.find((g) => g.AutoScalingGroupName === model.name);
      const inService = model.instanceIds.filter((id) => !model.warmPoolInstanceIds.includes(id));
      expect(group?.Instances?.map((i) => i.InstanceId).sort()).toEqual([...inService].sort());
      expect(group?.Instances?.every((i) => i.LifecycleState === "InService")).toBe(true);
    }
  });

  it("lists warm-pool instances as Warmed:Stopped", async () => {
    const model = org.autoScalingGroups.find((g) => g.warmPoolInstanceIds.length > 0);
    const out = await autoscaling.send(new DescribeWarmPoolCommand({ AutoScalingGroupName: model?.name }));
    expect(out.Instances?.map((i) => i.InstanceId).sort()).toEqual([...(model?.warmPoolInstanceIds ?? [])].sort());
    expect(out.Instances?.every((i) => i.LifecycleState === "Warmed:Stopped")).toBe(true);
    expect(out.WarmPoolConfiguration?.PoolState).toBe("Stopped");
    await expect(
      autoscaling.send(new DescribeWarmPoolCommand({ AutoScalingGroupName: "no-such-group" })),
    ).rejects.toMatchObject({
      Code: "ValidationError",
    });
  });
});
