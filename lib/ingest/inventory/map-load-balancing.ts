// Auto Scaling groups and target groups to rows: their members are what tells an idle instance that is
// part of a fleet from a forgotten one.
import type { AutoScalingGroupWithWarmPool } from "./fetch-auto-scaling-groups";
import type { TargetGroupWithTargets } from "./fetch-target-groups";
import {
  arnAccount,
  type GoneSighting,
  type InventoryRow,
  type RegionInventory,
  tagColumns,
  tagMap,
} from "./inventory-row";
import { autoScalingGroupAttributes, targetGroupAttributes } from "./resource-attributes";

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

export function mapAutoScalingGroups(region: string, groups: readonly AutoScalingGroupWithWarmPool[]): RegionInventory {
  const rows: InventoryRow[] = [];
  const gone: GoneSighting[] = [];
  for (const { group, warmPool } of groups) {
    const accountId = arnAccount(group.AutoScalingGroupARN);
    const name = group.AutoScalingGroupName;
    // AWS sets Status only while a group is being deleted ("Delete in progress").
    if (group.Status) {
      gone.push({ kind: "AUTO_SCALING_GROUP", resourceId: name, accountId, region, at: null });
      continue;
    }
    rows.push({
      kind: "AUTO_SCALING_GROUP",
      resourceId: name,
      accountId,
      region,
      arn: group.AutoScalingGroupARN,
      name,
      state: "active",
      sizeType: null,
      ...tagColumns(tagMap(group.Tags)),
      attributes: autoScalingGroupAttributes.parse({
        instanceIds: sorted((group.Instances ?? []).map((member) => member.InstanceId)),
        warmPoolInstanceIds: sorted(warmPool.map((member) => member.InstanceId)),
        targetGroupArns: sorted(group.TargetGroupARNs ?? []),
        minSize: group.MinSize,
        maxSize: group.MaxSize,
        desiredCapacity: group.DesiredCapacity,
      }),
      launchedAt: group.CreatedTime ?? null,
      stateChangedAt: null,
    });
  }
  return { rows, gone };
}

/** Target groups are keyed by their ARN; DescribeTargetGroups carries no tags (that is DescribeTags). */
export function mapTargetGroups(region: string, groups: readonly TargetGroupWithTargets[]): InventoryRow[] {
  return groups.map(({ group, targets }) => ({
    kind: "TARGET_GROUP",
    resourceId: group.TargetGroupArn,
    accountId: arnAccount(group.TargetGroupArn),
    region,
    arn: group.TargetGroupArn,
    name: group.TargetGroupName,
    state: "active",
    sizeType: null,
    ...tagColumns({}),
    attributes: targetGroupAttributes.parse({
      instanceIds:
        group.TargetType === undefined || group.TargetType === "instance"
          ? sorted(targets.map((target) => target.Target.Id))
          : [],
      vpcId: group.VpcId ?? null,
      targetType: group.TargetType ?? null,
      loadBalancerArns: sorted(group.LoadBalancerArns ?? []),
    }),
    launchedAt: null,
    stateChangedAt: null,
  }));
}
