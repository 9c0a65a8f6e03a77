// RDS DB instances to rows: class, engine, storage, Multi-AZ, and the replica links both ways (a replica
// names its source; a source lists its replicas), which an idle-replica detector follows.
import {
  arnAccount,
  type GoneSighting,
  type InventoryRow,
  type RegionInventory,
  tagColumns,
  tagMap,
} from "./inventory-row";
import type { DbInstancePayload } from "./rds-payloads";
import { rdsInstanceAttributes } from "./resource-attributes";

const ENDED_STATES = new Set(["deleting"]);

export function mapRdsInstances(region: string, instances: readonly DbInstancePayload[]): RegionInventory {
  const rows: InventoryRow[] = [];
  const gone: GoneSighting[] = [];
  for (const db of instances) {
    const accountId = arnAccount(db.DBInstanceArn);
    if (ENDED_STATES.has(db.DBInstanceStatus)) {
      gone.push({ kind: "RDS_INSTANCE", resourceId: db.DBInstanceIdentifier, accountId, region, at: null });
      continue;
    }
    const tags = tagMap(db.TagList);
    rows.push({
      kind: "RDS_INSTANCE",
      resourceId: db.DBInstanceIdentifier,
      accountId,
      region,
      arn: db.DBInstanceArn,
      name: db.DBInstanceIdentifier,
      state: db.DBInstanceStatus,
      sizeType: db.DBInstanceClass,
      ...tagColumns(tags),
      attributes: rdsInstanceAttributes.parse({
        engine: db.Engine,
        engineVersion: db.EngineVersion ?? null,
        replicaSource: db.ReadReplicaSourceDBInstanceIdentifier ?? null,
        replicas: [...(db.ReadReplicaDBInstanceIdentifiers ?? [])].sort(),
        multiAz: db.MultiAZ ?? false,
        storageGiB: db.AllocatedStorage,
        storageType: db.StorageType ?? null,
        arn: db.DBInstanceArn,
        az: db.AvailabilityZone ?? null,
      }),
      launchedAt: db.InstanceCreateTime ?? null,
      stateChangedAt: null,
    });
  }
  return { rows, gone };
}
