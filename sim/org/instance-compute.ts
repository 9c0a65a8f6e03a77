// What an EC2 instance bills for compute on one day: nothing unless it runs (launched, not terminated, not
// stopped), at the price of the type it had that day (typeHistory, from merged rightsizing), for the
// hours its Auto Scaling group or EKS node group kept it up (scheduled scaling, from merged schedules).
// Cost Explorer lines and OpenCost's node costs both come from here.
import type { AutoScalingGroup, Day, Ec2Instance, EksCluster, Micros, Organisation, ScalingSchedule } from "./model";
import { unitPriceMicros } from "./prices";
import { capacityFractionOnDay } from "./scaling-schedules";
import { typeOnDay } from "../terraform/type-history";

export interface ComputeOnDay {
  micros: Micros;
  hours: number;
  instanceType: string;
}

/** Whether an instance runs on a day: launched, not terminated, not stopped yet. */
export function instanceRunsOn(instance: Ec2Instance, day: Day): boolean {
  if (day < instance.launchDay || (instance.goneDay !== undefined && day >= instance.goneDay)) return false;
  return !(instance.state === "stopped" && day >= instance.stateChangeDay);
}

interface ScheduleOwner {
  schedules?: ScalingSchedule[];
  fullSize: number;
  memo?: { day: Day; schedules: ScalingSchedule[]; fraction: number };
}

const owners = new WeakMap<Organisation, { signature: string; byInstance: Map<string, ScheduleOwner> }>();

/** Which node group or Auto Scaling group each instance belongs to; schedules are read live from them. */
function ownerIndex(org: Organisation): Map<string, ScheduleOwner> {
  const signature = `${org.clusters.length},${org.autoScalingGroups.length},${org.instances.length}`;
  const cached = owners.get(org);
  if (cached?.signature === signature) return cached.byInstance;
  const byInstance = new Map<string, ScheduleOwner>();
  const register = (group: EksCluster | AutoScalingGroup, ids: string[]) => {
    const owner: ScheduleOwner = {
      fullSize: ids.length,
      get schedules() {
        return group.schedules;
      },
    };
    for (const id of ids) byInstance.set(id, owner);
  };
  for (const group of org.autoScalingGroups) register(group, group.instanceIds);
  for (const cluster of org.clusters) register(cluster, cluster.nodeInstanceIds);
  owners.set(org, { signature, byInstance });
  return byInstance;
}

function scheduledFraction(org: Organisation, instance: Ec2Instance, day: Day): number {
  const owner = ownerIndex(org).get(instance.id);
  const schedules = owner?.schedules;
  if (!owner || !schedules?.length) return 1;
  if (owner.memo?.day !== day || owner.memo.schedules !== schedules) {
    owner.memo = { day, schedules, fraction: capacityFractionOnDay(schedules, owner.fullSize, day) };
  }
  return owner.memo.fraction;
}

export function instanceComputeOnDay(org: Organisation, instance: Ec2Instance, day: Day): ComputeOnDay | undefined {
  if (!instanceRunsOn(instance, day)) return undefined;
  const fraction = scheduledFraction(org, instance, day);
  if (fraction === 0) return undefined;
  const instanceType = typeOnDay(instance.instanceType, instance.typeHistory, day);
  const hourly = unitPriceMicros(org, "ec2-instance-hour", instance.region, instanceType);
  const hours = Math.round(24 * fraction * 1e6) / 1e6;
  return { micros: fraction === 1 ? hourly * 24 : Math.round(hourly * 24 * fraction), hours, instanceType };
}
