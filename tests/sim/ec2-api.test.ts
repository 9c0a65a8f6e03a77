// Contract tests for the sandbox's EC2 API, driven by the official @aws-sdk/client-ec2 against the
// generated scale-1 organisation: pagination totals, filters, error shapes, region scoping, faults.
import {
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
  paginateDescribeInstances,
  paginateDescribeInstanceTypes,
  paginateDescribeVolumes,
  type Filter,
  type Instance,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../sim/org/days";
import type { Organisation } from "../../sim/org/model";
import { startSandbox, type RunningSandbox } from "../../sim/server/start-sandbox";
import { clientConfig, queueFault } from "./fixtures/aws-sandbox";

const TODAY = "2026-11-20";
let sandbox: RunningSandbox;
let ec2: EC2Client;
let org: Organisation;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 42, scale: 1, today: TODAY });
  org = sandbox.ctx.org;
  ec2 = new EC2Client(clientConfig(sandbox.url));
});
afterAll(async () => {
  ec2.destroy();
  await sandbox.close();
});

async function allInstances(filters?: Filter[], pageSize?: number): Promise<{ instances: Instance[]; pages: number }> {
  const instances: Instance[] = [];
  let pages = 0;
  const paginator = paginateDescribeInstances({ client: ec2, pageSize }, { Filters: filters });
  for await (const page of paginator) {
    pages++;
    for (const reservation of page.Reservations ?? []) instances.push(...(reservation.Instances ?? []));
  }
  return { instances, pages };
}

const inRegion = () => org.instances.filter((i) => i.region === "us-east-1" && !i.goneDay);

describe("DescribeInstances", () => {
  it("pages through every instance of the region with the default page size", async () => {
    const { instances, pages } = await allInstances();
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(instances.map((i) => i.InstanceId).sort()).toEqual(
      inRegion()
        .map((i) => i.id)
        .sort(),
    );
  });

  it("honours MaxResults and gives the same total", async () => {
    const { instances, pages } = await allInstances(undefined, 40);
    expect(pages).toBe(Math.ceil(inRegion().length / 40));
    expect(new Set(instances.map((i) => i.InstanceId)).size).toBe(inRegion().length);
  });

  it("describes an instance the way AWS does", async () => {
    const model = inRegion().find((i) => i.clusterName && i.asgName);
    expect(model).toBeDefined();
    const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [model?.id ?? ""] }));
    const instance = out.Reservations?.[0]?.Instances?.[0];
    expect(instance?.InstanceType).toBe(model?.instanceType);
    expect(instance?.State).toEqual({ Code: 16, Name: "running" });
    expect(instance?.Placement?.AvailabilityZone).toBe(model?.az);
    expect(instance?.LaunchTime?.toISOString().slice(0, 10)).toBe(model?.launchDay);
    expect(instance?.BlockDeviceMappings?.map((b) => b.Ebs?.VolumeId)).toEqual(model?.volumeIds);
    const tags = Object.fromEntries((instance?.Tags ?? []).map((t) => [t.Key, t.Value]));
    expect(tags["aws:autoscaling:groupName"]).toBe(model?.asgName);
    expect(tags["eks:cluster-name"]).toBe(model?.clusterName);
    expect(tags["eks:nodegroup-name"]).toBeDefined();
  });

  it("filters by state, tag and tag key", async () => {
    const stopped = await allInstances([{ Name: "instance-state-name", Values: ["stopped"] }]);
    expect(stopped.instances.length).toBe(inRegion().filter((i) => i.state === "stopped").length);
    for (const i of stopped.instances)
      expect(i.StateTransitionReason).toMatch(/^User initiated \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\)$/);

    const checkout = await allInstances([{ Name: "tag:team", Values: ["checkout"] }]);
    expect(checkout.instances.length).toBe(inRegion().filter((i) => i.tags.team === "checkout").length);

    const grouped = await allInstances([{ Name: "tag-key", Values: ["aws:autoscaling:groupName"] }]);
    expect(grouped.instances.length).toBe(inRegion().filter((i) => i.asgName).length);

    const vpcId = inRegion()[0]?.vpcId ?? "";
    const both = await allInstances([
      { Name: "vpc-id", Values: [vpcId] },
      { Name: "instance-state-name", Values: ["running", "stopped"] },
    ]);
    expect(both.instances.length).toBe(inRegion().filter((i) => i.vpcId === vpcId).length);
  });

  it("answers AWS's error codes, parsed by the SDK", async () => {
    await expect(
      ec2.send(new DescribeInstancesCommand({ InstanceIds: ["i-0000000000000dead"] })),
    ).rejects.toMatchObject({
      name: "InvalidInstanceID.NotFound",
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: "no-such-filter", Values: ["x"] }] })),
    ).rejects.toMatchObject({
      name: "InvalidParameterValue",
    });
    await expect(ec2.send(new DescribeInstancesCommand({ MaxResults: 2 }))).rejects.toMatchObject({
      name: "InvalidParameterValue",
    });
    await expect(ec2.send(new DescribeInstancesCommand({ NextToken: "bm90LWEtdG9rZW4" }))).rejects.toMatchObject({
      name: "InvalidPaginationToken",
    });
    await expect(ec2.send(new DescribeVolumesCommand({ DryRun: true }))).rejects.toMatchObject({
      name: "DryRunOperation",
      $metadata: { httpStatusCode: 412 },
    });
  });

  it("scopes answers to the signed region", async () => {
    const west = new EC2Client(clientConfig(sandbox.url, "us-west-2"));
    const out = await west.send(new DescribeInstancesCommand({}));
    const ids = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId);
    expect(ids.sort()).toEqual(
      org.instances
        .filter((i) => i.region === "us-west-2" && !i.goneDay)
        .map((i) => i.id)
        .sort(),
    );
    west.destroy();
  });

  it("lists an instance terminated today as terminated, and forgets older ones", async () => {
    const [today, older] = inRegion().filter((i) => !i.asgName);
    if (!today || !older) throw new Error("fixture needs two standalone instances");
    today.goneDay = TODAY;
    older.goneDay = addDays(TODAY, -3);
    try {
      const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [today.id] }));
      expect(out.Reservations?.[0]?.Instances?.[0]?.State?.Name).toBe("terminated");
      await expect(ec2.send(new DescribeInstancesCommand({ InstanceIds: [older.id] }))).rejects.toMatchObject({
        name: "InvalidInstanceID.NotFound",
      });
    } finally {
      delete today.goneDay;
      delete older.goneDay;
    }
  });

  it("spells an injected throttling fault RequestLimitExceeded, and the SDK retries through it", async () => {
    await queueFault(sandbox.url, { api: "ec2", operation: "DescribeInstances", kind: "throttle" });
    await expect(ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }))).rejects.toMatchObject({
      name: "RequestLimitExceeded",
    });
    await queueFault(sandbox.url, { api: "ec2", operation: "DescribeInstances", kind: "throttle" });
    const retrying = new EC2Client({ ...clientConfig(sandbox.url), maxAttempts: 3 });
    const out = await retrying.send(new DescribeInstancesCommand({ MaxResults: 5 }));
    expect(out.Reservations).toHaveLength(5);
    retrying.destroy();
  });
});

describe("DescribeVolumes", () => {
  const volumes = () => org.volumes.filter((v) => v.region === "us-east-1" && !v.goneDay);

  it("pages through every volume and filters by status", async () => {
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeVolumes({ client: ec2 }, {})) {
      pages++;
      seen.push(...(page.Volumes ?? []).map((v) => v.VolumeId ?? ""));
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen.sort()).toEqual(
      volumes()
        .map((v) => v.id)
        .sort(),
    );

    const available = await ec2.send(
      new DescribeVolumesCommand({ Filters: [{ Name: "status", Values: ["available"] }], MaxResults: 500 }),
    );
    expect(available.Volumes?.length).toBe(volumes().filter((v) => v.state === "available").length);
    for (const v of available.Volumes ?? []) expect(v.Attachments).toEqual([]);
  });

  it("shows attachments of volumes in use", async () => {
    const model = volumes().find((v) => v.state === "in-use");
    const out = await ec2.send(new DescribeVolumesCommand({ VolumeIds: [model?.id ?? ""] }));
    const volume = out.Volumes?.[0];
    expect(volume?.State).toBe("in-use");
    expect(volume?.Size).toBe(model?.sizeGiB);
    expect(volume?.VolumeType).toBe(model?.volumeType);
    expect(volume?.Attachments?.[0]?.InstanceId).toBe(model?.attachedInstanceId);
    await expect(ec2.send(new DescribeVolumesCommand({ VolumeIds: ["vol-0000000000000dead"] }))).rejects.toMatchObject({
      name: "InvalidVolume.NotFound",
    });
  });
});

describe("network inventory", () => {
  const regional = <T extends { region: string }>(items: readonly T[]) => items.filter((i) => i.region === "us-east-1");

  it("lists NAT gateways, endpoints, VPCs and subnets of the region", async () => {
    const nats = await ec2.send(new DescribeNatGatewaysCommand({ MaxResults: 1000 }));
    expect(nats.NatGateways?.map((n) => n.NatGatewayId).sort()).toEqual(
      regional(org.natGateways)
        .map((n) => n.id)
        .sort(),
    );
    const available = await ec2.send(
      new DescribeNatGatewaysCommand({ Filter: [{ Name: "state", Values: ["available"] }], MaxResults: 1000 }),
    );
    expect(available.NatGateways?.length).toBe(regional(org.natGateways).length);

    const endpoints = await ec2.send(new DescribeVpcEndpointsCommand({ MaxResults: 1000 }));
    expect(endpoints.VpcEndpoints?.length).toBe(regional(org.vpcEndpoints).length);
    const vpcs = await ec2.send(new DescribeVpcsCommand({ MaxResults: 1000 }));
    expect(vpcs.Vpcs?.length).toBe(regional(org.vpcs).length);
    const subnets = await ec2.send(new DescribeSubnetsCommand({ MaxResults: 1000 }));
    expect(subnets.Subnets?.length).toBe(regional(org.subnets).length);
  });

  it("routes private subnets through their NAT gateway and gateway endpoints", async () => {
    const table = regional(org.routeTables).find((t) => t.natGatewayId);
    const out = await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [table?.id ?? ""] }));
    const routes = out.RouteTables?.[0]?.Routes ?? [];
    expect(routes.find((r) => r.DestinationCidrBlock === "0.0.0.0/0")?.NatGatewayId).toBe(table?.natGatewayId);
    const gatewayEndpoints = org.vpcEndpoints.filter(
      (e) => e.type === "Gateway" && e.routeTableIds.includes(table?.id ?? ""),
    );
    expect(
      routes
        .filter((r) => r.DestinationPrefixListId)
        .map((r) => r.GatewayId)
        .sort(),
    ).toEqual(gatewayEndpoints.map((e) => e.id).sort());
    expect(out.RouteTables?.[0]?.Associations?.map((a) => a.SubnetId).sort()).toEqual(
      [...(table?.subnetIds ?? [])].sort(),
    );
  });

  it("describes every instance type in use", async () => {
    const used = [...new Set(org.instances.map((i) => i.instanceType))];
    const described = new Map<string, { vcpus?: number; mib?: number }>();
    for await (const page of paginateDescribeInstanceTypes({ client: ec2 }, {})) {
      for (const t of page.InstanceTypes ?? [])
        described.set(t.InstanceType ?? "", { vcpus: t.VCpuInfo?.DefaultVCpus, mib: t.MemoryInfo?.SizeInMiB });
    }
    for (const type of used) expect(described.get(type)?.vcpus).toBeGreaterThan(0);
    expect(described.get("m5.2xlarge")).toEqual({ vcpus: 8, mib: 32768 });
    await expect(
      ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: ["m5.huge" as never] })),
    ).rejects.toMatchObject({
      name: "InvalidInstanceType",
    });
  });
});
