// Which Auto Scaling group and target groups each instance belongs to, from the groups' own listings:
// the membership that tells a detector an idle-looking instance is not forgotten.
import type { AutoScalingGroupWithWarmPool } from "./fetch-auto-scaling-groups";
import type { TargetGroupWithTargets } from "./fetch-target-groups";

export interface InstanceMemberships {
  asgByInstance: Map<string, string>;
  targetGroupsByInstance: Map<string, string[]>;
}

export function instanceMemberships(
  autoScalingGroups: readonly AutoScalingGroupWithWarmPool[],
  targetGroups: readonly TargetGroupWithTargets[],
): InstanceMemberships {
  const asgByInstance = new Map<string, string>();
  for (const { group, warmPool } of autoScalingGroups) {
    for (const member of [...(group.Instances ?? []), ...warmPool]) {
      asgByInstance.set(member.InstanceId, group.AutoScalingGroupName);
    }
  }
  const targetGroupsByInstance = new Map<string, string[]>();
  for (const { group, targets } of targetGroups) {
    if (group.TargetType !== undefined && group.TargetType !== "instance") continue;
    for (const target of targets) {
      const arns = targetGroupsByInstance.get(target.Target.Id) ?? [];
      if (!arns.includes(group.TargetGroupArn)) arns.push(group.TargetGroupArn);
      targetGroupsByInstance.set(target.Target.Id, arns);
    }
  }
  for (const arns of targetGroupsByInstance.values()) arns.sort();
  return { asgByInstance, targetGroupsByInstance };
}
