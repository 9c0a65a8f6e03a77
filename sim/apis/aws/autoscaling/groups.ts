// DescribeAutoScalingGroups (NextToken/MaxRecords paging, 50 a page by default as in AWS) and
// DescribeWarmPool. Warm-pool instances are stopped on purpose: they appear in the warm pool, not among
// the group's InService instances, which is what tells a detector they are not forgotten.
import type { AutoScalingGroup, Ec2Instance, Organisation, Tags } from "../../../org/model";
import { dayStartSeconds, isLive } from "../../../org/resource-times";
import { queryResponse, type QueryParams } from "../../../protocols/aws-query";
import { pageOf } from "../../../protocols/paging";
import { xmlList, type XmlTree } from "../../../protocols/xml";
import { SimError, type SimResponse } from "../../../server/types";
import { derivedId } from "../ec2/xml-shapes";

export const AUTOSCALING_NAMESPACE = "http://autoscaling.amazonaws.com/doc/2011-01-01/";

function members(ids: readonly string[], org: Organisation): Ec2Instance[] {
  return ids.flatMap((id) => org.instances.filter((i) => i.id === id && isLive(i.goneDay, org.today)));
}

function launchTemplate(group: AutoScalingGroup): XmlTree {
  return { LaunchTemplateId: derivedId("lt", group.arn), LaunchTemplateName: group.name, Version: "$Latest" };
}

function instanceXml(instance: Ec2Instance, group: AutoScalingGroup, lifecycleState: string): XmlTree {
  return {
    InstanceId: instance.id,
    InstanceType: instance.instanceType,
    AvailabilityZone: instance.az,
    LifecycleState: lifecycleState,
    HealthStatus: "Healthy",
    LaunchTemplate: launchTemplate(group),
    ProtectedFromScaleIn: false,
  };
}

function tagMatcher(params: QueryParams): (tags: Tags) => boolean {
  const checks = params.structs("Filters").map((filter) => {
    const name = filter.get("Name") ?? "";
    const values = filter.list("Values");
    if (name.startsWith("tag:")) return (tags: Tags) => values.includes(tags[name.slice(4)] ?? "\u0000");
    if (name === "tag-key") return (tags: Tags) => Object.keys(tags).some((k) => values.includes(k));
    if (name === "tag-value") return (tags: Tags) => Object.values(tags).some((v) => values.includes(v));
    throw new SimError("ValidationError", `Filter name ${name} is not supported`);
  });
  return (tags) => checks.every((check) => check(tags));
}

function groupXml(group: AutoScalingGroup, org: Organisation): XmlTree {
  const warm = new Set(group.warmPoolInstanceIds);
  const inService = members(group.instanceIds, org).filter((i) => !warm.has(i.id));
  const warmPool = members(group.warmPoolInstanceIds, org);
  const all = [...inService, ...warmPool];
  const hasWarmPool = group.warmPoolInstanceIds.length > 0;
  const created = all.reduce((min, i) => (i.launchDay < min ? i.launchDay : min), org.today);
  return {
    AutoScalingGroupName: group.name,
    AutoScalingGroupARN: group.arn,
    LaunchTemplate: launchTemplate(group),
    MinSize: inService.length > 0 ? 1 : 0,
    MaxSize: Math.max(1, inService.length * 2),
    DesiredCapacity: inService.length,
    DefaultCooldown: 300,
    AvailabilityZones: xmlList("member", [...new Set(all.map((i) => i.az))].sort()),
    LoadBalancerNames: xmlList("member", []),
    TargetGroupARNs: xmlList("member", [...new Set(all.flatMap((i) => i.targetGroupArns))].sort()),
    HealthCheckType: "EC2",
    HealthCheckGracePeriod: 300,
    Instances: xmlList(
      "member",
      inService.map((i) => instanceXml(i, group, "InService")),
    ),
    CreatedTime: new Date(dayStartSeconds(created) * 1000),
    VPCZoneIdentifier: [...new Set(all.map((i) => i.subnetId))].sort().join(","),
    Tags: xmlList(
      "member",
      Object.entries(group.tags).map(([Key, Value]) => ({
        ResourceId: group.name,
        ResourceType: "auto-scaling-group",
        Key,
        Value,
        PropagateAtLaunch: true,
      })),
    ),
    TerminationPolicies: xmlList("member", ["Default"]),
    NewInstancesProtectedFromScaleIn: false,
    WarmPoolConfiguration: hasWarmPool ? { MinSize: warmPool.length, PoolState: "Stopped" } : undefined,
    WarmPoolSize: hasWarmPool ? warmPool.length : undefined,
  };
}

export function describeAutoScalingGroups(params: QueryParams, org: Organisation, region: string): SimResponse {
  const names = params.list("AutoScalingGroupNames");
  const matches = tagMatcher(params);
  const groups = org.autoScalingGroups.filter(
    (g) => g.region === region && (names.length === 0 || names.includes(g.name)) && matches(g.tags),
  );
  const pageSize = params.int("MaxRecords", 1, 100, "ValidationError") ?? 50;
  const invalid = new SimError("InvalidNextToken", "The token provided is not valid.");
  const page = pageOf(groups, params.get("NextToken"), pageSize, params.requestKey(), invalid);
  return queryResponse("DescribeAutoScalingGroups", AUTOSCALING_NAMESPACE, {
    AutoScalingGroups: xmlList(
      "member",
      page.items.map((g) => groupXml(g, org)),
    ),
    NextToken: page.nextToken,
  });
}

export function describeWarmPool(params: QueryParams, org: Organisation, region: string): SimResponse {
  const name = params.get("AutoScalingGroupName");
  const group = org.autoScalingGroups.find((g) => g.name === name && g.region === region);
  if (!group) throw new SimError("ValidationError", `AutoScalingGroup name not found - ${name ?? "null"}`);
  const pageSize = params.int("MaxRecords", 1, 50, "ValidationError") ?? 50;
  const invalid = new SimError("InvalidNextToken", "The token provided is not valid.");
  const warmPool = members(group.warmPoolInstanceIds, org);
  const page = pageOf(warmPool, params.get("NextToken"), pageSize, params.requestKey(), invalid);
  const hasPool = group.warmPoolInstanceIds.length > 0;
  return queryResponse("DescribeWarmPool", AUTOSCALING_NAMESPACE, {
    WarmPoolConfiguration: hasPool ? { MinSize: group.warmPoolInstanceIds.length, PoolState: "Stopped" } : undefined,
    Instances: xmlList(
      "member",
      page.items.map((i) => instanceXml(i, group, "Warmed:Stopped")),
    ),
    NextToken: page.nextToken,
  });
}
