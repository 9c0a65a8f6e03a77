// The parts of RDS DescribeDBInstances (as the SDK parses it) that the inventory stores.
import { z } from "zod";
import { arn, awsTags, awsTime } from "./aws-payload-fields";

export const describeDbInstancesPage = z.object({
  DBInstances: z.array(
    z.object({
      DBInstanceIdentifier: z.string().min(1),
      DBInstanceArn: arn,
      DBInstanceClass: z.string().min(1),
      Engine: z.string().min(1),
      EngineVersion: z.string().optional(),
      DBInstanceStatus: z.string().min(1),
      AllocatedStorage: z.number().int().nonnegative(),
      StorageType: z.string().min(1).optional(),
      MultiAZ: z.boolean().optional(),
      AvailabilityZone: z.string().optional(),
      InstanceCreateTime: awsTime.optional(),
      ReadReplicaSourceDBInstanceIdentifier: z.string().optional(),
      ReadReplicaDBInstanceIdentifiers: z.array(z.string()).optional(),
      TagList: awsTags,
    }),
  ),
  Marker: z.string().optional(),
});

export type DbInstancePayload = z.infer<typeof describeDbInstancesPage>["DBInstances"][number];
