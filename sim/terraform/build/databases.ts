// RDS: most primaries and replicas as plain `aws_db_instance` blocks (a replica names its primary in
// `replicate_source_db`); some clusters through modules/rds-cluster, called once per such cluster.
import type { DbInstance } from "../../org/model";
import { attr, blank, block, comment, multi, type HclItem } from "../hcl/render";
import { objectLines, str, tagLines } from "../hcl/syntax";
import { type RootBuilder, bucketOf, stateInstance } from "./root-builder";

function dbAttributes(db: DbInstance) {
  return {
    id: db.identifier,
    identifier: db.identifier,
    arn: db.arn,
    instance_class: db.instanceClass,
    engine: db.engine,
    engine_version: db.engineVersion,
    allocated_storage: db.storageGiB,
    multi_az: db.multiAz,
    availability_zone: db.az,
    replicate_source_db: db.replicaSourceIdentifier ?? "",
    tags: db.tags,
    tags_all: db.tags,
  };
}

/** Whether a primary (with its replicas) is declared through the rds-cluster module. */
function inRdsModule(primary: DbInstance): boolean {
  return bucketOf(`rds:${primary.identifier}`, 4) === 0;
}

export function addDatabases(root: RootBuilder, databases: DbInstance[]): void {
  const primaries = databases.filter((d) => !d.replicaSourceIdentifier);
  const replicasOf = (id: string) => databases.filter((d) => d.replicaSourceIdentifier === id);
  const plainNames = new Map<string, string>();
  const placed = new Set<string>();

  for (const primary of primaries) {
    if (!inRdsModule(primary)) continue;
    addClusterModule(root, primary, replicasOf(primary.identifier));
    placed.add(primary.identifier);
    for (const replica of replicasOf(primary.identifier)) placed.add(replica.identifier);
  }
  for (const db of [...primaries, ...databases.filter((d) => d.replicaSourceIdentifier)]) {
    if (placed.has(db.identifier)) continue;
    const name = addPlainDatabase(root, db, plainNames);
    plainNames.set(db.identifier, name);
  }
}

function addPlainDatabase(root: RootBuilder, db: DbInstance, plainNames: Map<string, string>): string {
  const config = root.provider(db.accountId, db.region);
  const name = root.uniqueName("aws_db_instance", db.identifier);
  const source = db.replicaSourceIdentifier;
  const items: HclItem[] = [
    ...(config.alias ? [...root.providerAttr(config), blank] : []),
    attr("identifier", str(db.identifier)),
    attr("instance_class", str(db.instanceClass)),
  ];
  if (source) {
    const sourceName = plainNames.get(source);
    // A replica of a primary declared elsewhere (or made by hand) names it by identifier.
    items.push(attr("replicate_source_db", sourceName ? `aws_db_instance.${sourceName}.identifier` : str(source)));
    items.push(attr("skip_final_snapshot", "true"));
  } else {
    items.push(
      attr("engine", str(db.engine)),
      attr("engine_version", str(db.engineVersion)),
      attr("allocated_storage", String(db.storageGiB)),
      attr("multi_az", String(db.multiAz)),
      attr("username", str("acme_admin")),
      attr("manage_master_user_password", "true"),
      attr("backup_retention_period", "7"),
      blank,
      comment("# Maintenance window in UTC {Sun 03:00-04:00}: after the weekly batch jobs."),
      attr("maintenance_window", str("sun:03:00-sun:04:00")),
      attr("final_snapshot_identifier", str(`${db.identifier}-final`)),
    );
  }
  items.push(blank, multi("tags", tagLines(db.tags)));
  root.add("databases.tf", block(`resource "aws_db_instance" ${str(name)}`, items));
  root.addState(config, { type: "aws_db_instance", name }, [stateInstance(dbAttributes(db), undefined, 2)]);
  return name;
}

function addClusterModule(root: RootBuilder, primary: DbInstance, replicas: DbInstance[]): void {
  const config = root.provider(primary.accountId, primary.region);
  const moduleName = root.uniqueName("module", primary.identifier);
  root.add(
    "databases.tf",
    block(`module ${str(moduleName)}`, [
      attr("source", str("../../modules/rds-cluster")),
      ...(config.alias ? [multi("providers", objectLines([["aws", `aws.${config.alias}`]]))] : []),
      blank,
      attr("identifier", str(primary.identifier)),
      attr("engine", str(primary.engine)),
      attr("engine_version", str(primary.engineVersion)),
      attr("instance_class", str(primary.instanceClass)),
      attr("allocated_storage", String(primary.storageGiB)),
      attr("multi_az", String(primary.multiAz)),
      blank,
      comment("# Read replicas by identifier: each can be sized on its own."),
      multi(
        "replicas",
        objectLines(replicas.map((r) => [r.identifier, `{ instance_class = ${str(r.instanceClass)} }`])),
      ),
      blank,
      multi("tags", tagLines(primary.tags)),
    ]),
  );
  const address = `module.${moduleName}`;
  root.addState(config, { module: address, type: "aws_db_instance", name: "primary" }, [
    stateInstance(dbAttributes(primary), undefined, 2),
  ]);
  if (replicas.length === 0) return;
  root.addState(
    config,
    { module: address, type: "aws_db_instance", name: "replica" },
    replicas.map((r) => stateInstance(dbAttributes(r), r.identifier, 2)),
  );
}
