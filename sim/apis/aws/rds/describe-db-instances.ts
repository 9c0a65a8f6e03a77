// DescribeDBInstances with Marker/MaxRecords paging (20-100 records a page, AWS's bounds; 100 by
// default). Primaries list their live replicas, replicas name their source.
import type { DbInstance, Organisation } from "../../../org/model";
import { createdSeconds, isLive } from "../../../org/resource-times";
import { queryResponse, type QueryParams } from "../../../protocols/aws-query";
import { pageOf } from "../../../protocols/paging";
import { xmlList, type XmlTree } from "../../../protocols/xml";
import { SimError, type SimResponse } from "../../../server/types";
import { derivedId } from "../ec2/xml-shapes";

export const RDS_NAMESPACE = "http://rds.amazonaws.com/doc/2014-10-31/";

const FILTERS: Record<string, (db: DbInstance) => string> = {
  "db-instance-id": (db) => db.identifier,
  engine: (db) => db.engine,
  "dbi-resource-id": (db) => dbiResourceId(db),
};

function dbiResourceId(db: DbInstance): string {
  return derivedId("db", db.arn).toUpperCase().replace("DB-", "db-").slice(0, 29);
}

export function tagList(tags: Record<string, string>) {
  return xmlList(
    "Tag",
    Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
  );
}

function matchesFilters(params: QueryParams): (db: DbInstance) => boolean {
  const checks = params.structs("Filters").map((filter) => {
    const name = filter.get("Name") ?? "";
    const field = FILTERS[name];
    if (!field) throw new SimError("InvalidParameterValue", `Unrecognized filter name: ${name}.`);
    const values = new Set(filter.list("Values"));
    return (db: DbInstance) => values.has(field(db));
  });
  return (db) => checks.every((check) => check(db));
}

/** `<id>.<12 chars per account>.<region>.rds.amazonaws.com`, the shape of RDS endpoint names. */
function endpointAddress(db: DbInstance): string {
  return `${db.identifier}.${derivedId("c", db.accountId).slice(2, 14)}.${db.region}.rds.amazonaws.com`;
}

function dbInstanceXml(db: DbInstance, replicas: readonly DbInstance[]): XmlTree {
  const port = db.engine === "postgres" ? 5432 : 3306;
  return {
    DBInstanceIdentifier: db.identifier,
    DBInstanceClass: db.instanceClass,
    Engine: db.engine,
    DBInstanceStatus: "available",
    MasterUsername: db.replicaSourceIdentifier ? undefined : "app",
    Endpoint: { Address: endpointAddress(db), Port: port },
    AllocatedStorage: db.storageGiB,
    InstanceCreateTime: new Date(createdSeconds(db.createDay, db.identifier) * 1000),
    BackupRetentionPeriod: db.replicaSourceIdentifier ? 0 : 7,
    AvailabilityZone: db.az,
    MultiAZ: db.multiAz,
    EngineVersion: db.engineVersion,
    AutoMinorVersionUpgrade: true,
    ReadReplicaSourceDBInstanceIdentifier: db.replicaSourceIdentifier,
    ReadReplicaDBInstanceIdentifiers: xmlList(
      "ReadReplicaDBInstanceIdentifier",
      replicas.map((r) => r.identifier),
    ),
    LicenseModel: db.engine === "postgres" ? "postgresql-license" : "general-public-license",
    PubliclyAccessible: false,
    StorageType: "gp2",
    DbInstancePort: 0,
    StorageEncrypted: true,
    DbiResourceId: dbiResourceId(db),
    DBInstanceArn: db.arn,
    TagList: tagList(db.tags),
  };
}

export function liveDbInstances(org: Organisation, region: string): DbInstance[] {
  return org.dbInstances.filter((db) => db.region === region && isLive(db.goneDay, org.today));
}

export function describeDbInstances(params: QueryParams, org: Organisation, region: string): SimResponse {
  const live = liveDbInstances(org, region);
  const identifier = params.get("DBInstanceIdentifier");
  let selected = live.filter(matchesFilters(params));
  if (identifier !== undefined) {
    selected = selected.filter((db) => db.identifier === identifier || db.arn === identifier);
    if (!live.some((db) => db.identifier === identifier || db.arn === identifier)) {
      throw new SimError("DBInstanceNotFound", `DBInstance ${identifier} not found.`, 404);
    }
  }
  const pageSize = params.int("MaxRecords", 20, 100) ?? 100;
  const invalid = new SimError("InvalidParameterValue", "The marker provided is not valid.");
  const page = pageOf(selected, params.get("Marker"), pageSize, params.requestKey(), invalid);
  return queryResponse("DescribeDBInstances", RDS_NAMESPACE, {
    DBInstances: xmlList(
      "DBInstance",
      page.items.map((db) =>
        dbInstanceXml(
          db,
          live.filter((r) => r.replicaSourceIdentifier === db.identifier),
        ),
      ),
    ),
    Marker: page.nextToken,
  });
}

export function listTagsForResource(params: QueryParams, org: Organisation, region: string): SimResponse {
  const arn = params.get("ResourceName");
  const db = liveDbInstances(org, region).find((d) => d.arn === arn);
  if (!db) throw new SimError("DBInstanceNotFound", `DBInstance ${arn ?? ""} not found.`, 404);
  return queryResponse("ListTagsForResource", RDS_NAMESPACE, { TagList: tagList(db.tags) });
}
