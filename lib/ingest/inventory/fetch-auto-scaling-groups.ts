// Auto Scaling groups with their members, and the warm pool of each group that has one (stopped on
// purpose: a detector must not call them forgotten).
import {
  type AutoScalingClient,
  paginateDescribeAutoScalingGroups,
  paginateDescribeWarmPool,
} from "@aws-sdk/client-auto-scaling";
import {
  type AutoScalingGroupPayload,
  describeAutoScalingGroupsPage,
  describeWarmPoolPage,
  type WarmPoolMemberPayload,
} from "./autoscaling-payloads";
import { collectPages } from "./collect-pages";

export interface AutoScalingGroupWithWarmPool {
  group: AutoScalingGroupPayload;
  warmPool: WarmPoolMemberPayload[];
}

export async function fetchAutoScalingGroups(
  client: AutoScalingClient,
  signal?: AbortSignal,
): Promise<AutoScalingGroupWithWarmPool[]> {
  const pages = await collectPages(
    { api: "Auto Scaling", operation: "DescribeAutoScalingGroups" },
    paginateDescribeAutoScalingGroups({ client, pageSize: 100 }, {}, { abortSignal: signal }),
    describeAutoScalingGroupsPage,
    signal,
  );
  const result: AutoScalingGroupWithWarmPool[] = [];
  for (const group of pages.flatMap((page) => page.AutoScalingGroups)) {
    // Only groups that report a warm pool configuration have one: no request for the others.
    const warmPool = group.WarmPoolConfiguration
      ? (
          await collectPages(
            { api: "Auto Scaling", operation: "DescribeWarmPool" },
            paginateDescribeWarmPool(
              { client, pageSize: 50 },
              { AutoScalingGroupName: group.AutoScalingGroupName },
              { abortSignal: signal },
            ),
            describeWarmPoolPage,
            signal,
          )
        ).flatMap((page) => page.Instances ?? [])
      : [];
    result.push({ group, warmPool });
  }
  return result;
}
