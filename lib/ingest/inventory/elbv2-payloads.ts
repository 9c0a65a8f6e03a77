// The parts of Elastic Load Balancing v2's answers that the inventory stores: target groups and who is
// registered in them.
import { z } from "zod";
import { arn } from "./aws-payload-fields";

export const describeTargetGroupsPage = z.object({
  TargetGroups: z.array(
    z.object({
      TargetGroupArn: arn,
      TargetGroupName: z.string().min(1),
      VpcId: z.string().optional(),
      TargetType: z.string().optional(),
      LoadBalancerArns: z.array(z.string()).optional(),
    }),
  ),
  NextMarker: z.string().optional(),
});

export const describeTargetHealthPage = z.object({
  TargetHealthDescriptions: z.array(
    z.object({
      Target: z.object({ Id: z.string().min(1) }),
      TargetHealth: z.object({ State: z.string().optional(), Reason: z.string().optional() }).optional(),
    }),
  ),
});

export type TargetGroupPayload = z.infer<typeof describeTargetGroupsPage>["TargetGroups"][number];
export type TargetHealthPayload = z.infer<typeof describeTargetHealthPage>["TargetHealthDescriptions"][number];
