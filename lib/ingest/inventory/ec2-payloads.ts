// The parts of EC2's Describe* answers (as the SDK parses them) that the inventory stores, as zod schemas.
import { z } from "zod";
import { accountId, awsTags, awsTime, nextToken } from "./aws-payload-fields";

const ec2Instance = z.object({
  InstanceId: z.string().min(1),
  InstanceType: z.string().min(1),
  Architecture: z.string().optional(),
  State: z.object({ Name: z.string().min(1) }),
  /** "User initiated (2026-10-01 14:05:00 GMT)" on a stopped or terminated instance */
  StateTransitionReason: z.string().optional(),
  LaunchTime: awsTime,
  Placement: z.object({ AvailabilityZone: z.string().optional() }).optional(),
  VpcId: z.string().optional(),
  SubnetId: z.string().optional(),
  Platform: z.string().optional(),
  PlatformDetails: z.string().optional(),
  BlockDeviceMappings: z.array(z.object({ Ebs: z.object({ VolumeId: z.string().min(1) }).optional() })).optional(),
  Tags: awsTags,
});

export const describeInstancesPage = z.object({
  Reservations: z.array(z.object({ OwnerId: accountId, Instances: z.array(ec2Instance) })),
  NextToken: nextToken,
});

export const describeVolumesPage = z.object({
  Volumes: z.array(
    z.object({
      VolumeId: z.string().min(1),
      Size: z.number().int().nonnegative(),
      VolumeType: z.string().min(1),
      State: z.string().min(1),
      CreateTime: awsTime,
      AvailabilityZone: z.string().optional(),
      Attachments: z
        .array(
          z.object({ InstanceId: z.string().min(1), State: z.string().optional(), AttachTime: awsTime.optional() }),
        )
        .optional(),
      Tags: awsTags,
    }),
  ),
  NextToken: nextToken,
});

export const describeNatGatewaysPage = z.object({
  NatGateways: z.array(
    z.object({
      NatGatewayId: z.string().min(1),
      State: z.string().min(1),
      VpcId: z.string().optional(),
      SubnetId: z.string().optional(),
      ConnectivityType: z.string().optional(),
      CreateTime: awsTime.optional(),
      DeleteTime: awsTime.optional(),
      Tags: awsTags,
    }),
  ),
  NextToken: nextToken,
});

export const describeVpcEndpointsPage = z.object({
  VpcEndpoints: z.array(
    z.object({
      VpcEndpointId: z.string().min(1),
      VpcEndpointType: z.string().min(1),
      VpcId: z.string().min(1),
      ServiceName: z.string().min(1),
      State: z.string().min(1),
      OwnerId: accountId,
      RouteTableIds: z.array(z.string()).optional(),
      SubnetIds: z.array(z.string()).optional(),
      CreationTimestamp: awsTime.optional(),
      Tags: awsTags,
    }),
  ),
  NextToken: nextToken,
});

export const describeVpcsPage = z.object({
  Vpcs: z.array(
    z.object({
      VpcId: z.string().min(1),
      OwnerId: accountId,
      State: z.string().min(1),
      CidrBlock: z.string().optional(),
      IsDefault: z.boolean().optional(),
      Tags: awsTags,
    }),
  ),
  NextToken: nextToken,
});

export const describeSubnetsPage = z.object({
  Subnets: z.array(
    z.object({
      SubnetId: z.string().min(1),
      SubnetArn: z.string().optional(),
      OwnerId: accountId,
      VpcId: z.string().min(1),
      State: z.string().min(1),
      AvailabilityZone: z.string().optional(),
      CidrBlock: z.string().optional(),
      MapPublicIpOnLaunch: z.boolean().optional(),
      Tags: awsTags,
    }),
  ),
  NextToken: nextToken,
});

export const describeRouteTablesPage = z.object({
  RouteTables: z.array(
    z.object({
      RouteTableId: z.string().min(1),
      VpcId: z.string().min(1),
      OwnerId: accountId,
      Routes: z
        .array(
          z.object({
            DestinationCidrBlock: z.string().optional(),
            NatGatewayId: z.string().optional(),
            GatewayId: z.string().optional(),
          }),
        )
        .optional(),
      Associations: z.array(z.object({ SubnetId: z.string().optional(), Main: z.boolean().optional() })).optional(),
      Tags: awsTags,
    }),
  ),
  NextToken: nextToken,
});

export type Ec2InstancePayload = z.infer<typeof ec2Instance>;
export type Ec2Reservation = z.infer<typeof describeInstancesPage>["Reservations"][number];
export type EbsVolumePayload = z.infer<typeof describeVolumesPage>["Volumes"][number];
export type NatGatewayPayload = z.infer<typeof describeNatGatewaysPage>["NatGateways"][number];
export type VpcEndpointPayload = z.infer<typeof describeVpcEndpointsPage>["VpcEndpoints"][number];
export type VpcPayload = z.infer<typeof describeVpcsPage>["Vpcs"][number];
export type SubnetPayload = z.infer<typeof describeSubnetsPage>["Subnets"][number];
export type RouteTablePayload = z.infer<typeof describeRouteTablesPage>["RouteTables"][number];
