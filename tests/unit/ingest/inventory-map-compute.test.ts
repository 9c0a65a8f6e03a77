import { describe, expect, it } from "vitest";
import type { Ec2Reservation, EbsVolumePayload } from "@/lib/ingest/inventory/ec2-payloads";
import { instanceMemberships } from "@/lib/ingest/inventory/instance-memberships";
import { UNKNOWN_ACCOUNT } from "@/lib/ingest/inventory/inventory-row";
import { mapEbsVolumes } from "@/lib/ingest/inventory/map-ebs-volumes";
import { mapEc2Instances, stateTransitionTime } from "@/lib/ingest/inventory/map-ec2-instances";
import { parseResourceAttributes } from "@/lib/ingest/inventory/resource-attributes";

const ACCOUNT = "111111111111";
const OTHER = "222222222222";
const LAUNCH = new Date("2026-01-05T09:00:00Z");

function reservation(instances: Ec2Reservation["Instances"], owner = ACCOUNT): Ec2Reservation {
  return { OwnerId: owner, Instances: instances };
}

const running = {
  InstanceId: "i-0001",
  InstanceType: "m5.large",
  Architecture: "x86_64",
  State: { Name: "running" },
  StateTransitionReason: "",
  LaunchTime: LAUNCH,
  Placement: { AvailabilityZone: "us-east-1a" },
  VpcId: "vpc-1",
  SubnetId: "subnet-1",
  PlatformDetails: "Linux/UNIX",
  BlockDeviceMappings: [{ Ebs: { VolumeId: "vol-1" } }, { Ebs: { VolumeId: "vol-2" } }],
  Tags: [
    { Key: "Name", Value: "web-1" },
    { Key: "team", Value: "checkout" },
    { Key: "environment", Value: "production" },
    { Key: "aws:autoscaling:groupName", Value: "from-tag" },
    { Key: "kubernetes.io/cluster/prod", Value: "owned" },
  ],
};

describe("EC2 instances to resource rows", () => {
  it("reads the time in EC2's state transition reason", () => {
    expect(stateTransitionTime("User initiated (2026-10-01 14:05:00 GMT)")?.toISOString()).toBe(
      "2026-10-01T14:05:00.000Z",
    );
    expect(stateTransitionTime("")).toBeNull();
    expect(stateTransitionTime(undefined)).toBeNull();
    expect(stateTransitionTime("Server.ScheduledStop (2026-13-45 99:00:00 GMT)")).toBeNull();
  });

  it("maps tags, type, state times and membership, preferring the group listings to tags", () => {
    const memberships = instanceMemberships(
      [
        {
          group: {
            AutoScalingGroupName: "web",
            AutoScalingGroupARN: `arn:aws:autoscaling:us-east-1:${ACCOUNT}:autoScalingGroup:x:autoScalingGroupName/web`,
            MinSize: 1,
            MaxSize: 2,
            DesiredCapacity: 1,
            Instances: [{ InstanceId: "i-0001" }],
          },
          warmPool: [{ InstanceId: "i-0002" }],
        },
      ],
      [
        {
          group: {
            TargetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/b/1`,
            TargetGroupName: "b",
          },
          targets: [{ Target: { Id: "i-0001" } }],
        },
        {
          group: {
            TargetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/a/1`,
            TargetGroupName: "a",
            TargetType: "instance",
          },
          targets: [{ Target: { Id: "i-0001" } }],
        },
        {
          group: {
            TargetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/ip/1`,
            TargetGroupName: "ip",
            TargetType: "ip",
          },
          targets: [{ Target: { Id: "10.0.0.1" } }],
        },
      ],
    );
    const stopped = {
      ...running,
      InstanceId: "i-0002",
      State: { Name: "stopped" },
      StateTransitionReason: "User initiated (2026-03-01 10:00:00 GMT)",
      Tags: [],
    };
    const { rows, gone } = mapEc2Instances("us-east-1", [reservation([running, stopped])], memberships);
    expect(gone).toEqual([]);
    expect(rows[0]).toMatchObject({
      kind: "EC2_INSTANCE",
      resourceId: "i-0001",
      accountId: ACCOUNT,
      arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0001`,
      name: "web-1",
      state: "running",
      sizeType: "m5.large",
      teamTag: "checkout",
      environmentTag: "production",
      launchedAt: LAUNCH,
      stateChangedAt: LAUNCH,
    });
    expect(parseResourceAttributes("EC2_INSTANCE", rows[0]!.attributes)).toEqual({
      architecture: "x86_64",
      az: "us-east-1a",
      vpcId: "vpc-1",
      subnetId: "subnet-1",
      asgName: "web",
      eksCluster: "prod",
      eksNodegroup: null,
      targetGroupArns: [
        `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/a/1`,
        `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/b/1`,
      ],
      volumeIds: ["vol-1", "vol-2"],
      platform: "Linux/UNIX",
    });
    // In the warm pool: a member of the group, though stopped and untagged.
    expect(rows[1]).toMatchObject({ state: "stopped", stateChangedAt: new Date("2026-03-01T10:00:00Z"), teamTag: "" });
    expect(parseResourceAttributes("EC2_INSTANCE", rows[1]!.attributes).asgName).toBe("web");
  });

  it("falls back to the tags AWS puts on group members and EKS nodes", () => {
    const node = {
      ...running,
      Tags: [
        { Key: "aws:autoscaling:groupName", Value: "eks-prod-default" },
        { Key: "eks:cluster-name", Value: "prod" },
        { Key: "eks:nodegroup-name", Value: "default" },
      ],
    };
    const { rows } = mapEc2Instances("us-east-1", [reservation([node])], instanceMemberships([], []));
    expect(parseResourceAttributes("EC2_INSTANCE", rows[0]!.attributes)).toMatchObject({
      asgName: "eks-prod-default",
      eksCluster: "prod",
      eksNodegroup: "default",
      targetGroupArns: [],
    });
  });

  it("turns a terminated instance into a sighting of its end, at the time EC2 gives", () => {
    const terminated = {
      ...running,
      State: { Name: "terminated" },
      StateTransitionReason: "User initiated (2026-11-20 00:00:00 GMT)",
      VpcId: undefined,
      SubnetId: undefined,
      BlockDeviceMappings: [],
    };
    const { rows, gone } = mapEc2Instances(
      "us-east-1",
      [reservation([terminated], OTHER)],
      instanceMemberships([], []),
    );
    expect(rows).toEqual([]);
    expect(gone).toEqual([
      {
        kind: "EC2_INSTANCE",
        resourceId: "i-0001",
        accountId: OTHER,
        region: "us-east-1",
        at: new Date("2026-11-20T00:00:00Z"),
      },
    ]);
  });
});

describe("EBS volumes to resource rows", () => {
  const created = new Date("2025-06-01T10:00:00Z");
  const attached: EbsVolumePayload = {
    VolumeId: "vol-1",
    Size: 100,
    VolumeType: "gp3",
    State: "in-use",
    CreateTime: created,
    AvailabilityZone: "us-east-1a",
    Attachments: [{ InstanceId: "i-0001", State: "attached", AttachTime: new Date("2025-06-01T10:05:00Z") }],
    Tags: [{ Key: "team", Value: "search" }],
  };
  const unattached: EbsVolumePayload = { ...attached, VolumeId: "vol-2", State: "available", Attachments: [] };

  it("gives an attached volume its instance's account and its attach time as the state's start", () => {
    const ownership = { instanceAccounts: new Map([["i-0001", OTHER]]), regionAccounts: new Set([ACCOUNT, OTHER]) };
    const { rows } = mapEbsVolumes("us-east-1", [attached, unattached], ownership);
    expect(rows[0]).toMatchObject({
      accountId: OTHER,
      arn: `arn:aws:ec2:us-east-1:${OTHER}:volume/vol-1`,
      sizeType: "gp3",
      teamTag: "search",
      launchedAt: created,
      stateChangedAt: new Date("2025-06-01T10:05:00Z"),
    });
    expect(parseResourceAttributes("EBS_VOLUME", rows[0]!.attributes)).toEqual({
      sizeGiB: 100,
      volumeType: "gp3",
      az: "us-east-1a",
      attachedInstanceId: "i-0001",
      createTime: "2025-06-01T10:00:00.000Z",
      detachedAt: null,
    });
    // DescribeVolumes names no owner: with several accounts in the region, an unattached volume's is unknown.
    expect(rows[1]).toMatchObject({ accountId: UNKNOWN_ACCOUNT, arn: null, stateChangedAt: null });
    expect(parseResourceAttributes("EBS_VOLUME", rows[1]!.attributes).attachedInstanceId).toBeNull();
  });

  it("gives an unattached volume the region's only account", () => {
    const ownership = { instanceAccounts: new Map<string, string>(), regionAccounts: new Set([ACCOUNT]) };
    expect(mapEbsVolumes("eu-west-1", [unattached], ownership).rows[0]!.accountId).toBe(ACCOUNT);
  });
});
