// The parts of Auto Scaling's answers that the inventory stores: groups, their members and warm pools.
import { z } from "zod";
import { arn, awsTags, awsTime, nextToken } from "./aws-payload-fields";

const member = z.object({ InstanceId: z.string().min(1), LifecycleState: z.string().optional() });

export const describeAutoScalingGroupsPage = z.object({
  AutoScalingGroups: z.array(
    z.object({
      AutoScalingGroupName: z.string().min(1),
      AutoScalingGroupARN: arn,
      MinSize: z.number().int().nonnegative(),
      MaxSize: z.number().int().nonnegative(),
      DesiredCapacity: z.number().int().nonnegative(),
      CreatedTime: awsTime.optional(),
      Status: z.string().optional(),
      Instances: z.array(member).optional(),
      TargetGroupARNs: z.array(z.string()).optional(),
      WarmPoolConfiguration: z.object({ PoolState: z.string().optional() }).optional(),
      Tags: awsTags,
    }),
  ),
  NextToken: nextToken,
});

export const describeWarmPoolPage = z.object({
  Instances: z.array(member).optional(),
  NextToken: nextToken,
});

export type AutoScalingGroupPayload = z.infer<typeof describeAutoScalingGroupsPage>["AutoScalingGroups"][number];
export type WarmPoolMemberPayload = z.infer<typeof member>;
