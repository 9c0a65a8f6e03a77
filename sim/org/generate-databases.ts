// RDS: PostgreSQL (and a few MySQL) primaries, each squad's database with read replicas created "for
// scale" and never used. 85 replicas are idle (planted), some carry real read traffic, and a few decoys
// have low CPU but steady connections.
import { addDays } from "./days";
import type { DbInstance } from "./model";
import { pickWeighted } from "./pick-weighted";
import { HOURS_PER_MONTH } from "./prices";
import { dbHourlyMicros, dbStorageMonthlyMicros } from "./resource-prices";
import { PRODUCT_SQUADS } from "./squads";
import { accountFor, standardTags, type AccountRole, type UnitContext } from "./unit-context";

const PRIMARIES: ReadonlyArray<{ role: AccountRole; count: number; classes: readonly string[]; multiAz: boolean }> = [
  { role: "production", count: 10, classes: ["db.r5.2xlarge", "db.r5.xlarge"], multiAz: true },
  { role: "production-data", count: 4, classes: ["db.r5.2xlarge", "db.r5.4xlarge"], multiAz: true },
  { role: "staging", count: 8, classes: ["db.r5.xlarge", "db.r5.large"], multiAz: false },
  { role: "dev", count: 5, classes: ["db.m5.large", "db.t3.medium"], multiAz: false },
  { role: "qa", count: 4, classes: ["db.t3.medium", "db.m5.large"], multiAz: false },
  { role: "perf", count: 3, classes: ["db.r5.xlarge"], multiAz: false },
];

/** Replicas were created one size below their primary. */
const REPLICA_CLASS: Record<string, string> = {
  "db.r5.4xlarge": "db.r5.2xlarge",
  "db.r5.2xlarge": "db.r5.xlarge",
  "db.r5.xlarge": "db.r5.large",
  "db.r5.large": "db.m5.large",
  "db.m5.large": "db.t3.medium",
  "db.t3.medium": "db.t3.medium",
};

export const IDLE_REPLICAS = 85;
const ACTIVE_REPLICAS = 10;
export const CONNECTED_REPLICA_DECOYS = 6;

const REPLICA_HOME_WEIGHTS: Readonly<Partial<Record<AccountRole, number>>> = {
  production: 45,
  "production-data": 15,
  staging: 25,
  dev: 10,
  perf: 5,
};

export function generateDatabases(ctx: UnitContext): void {
  const { org, random } = ctx;
  const primariesByRole = new Map<AccountRole, DbInstance[]>();
  let serial = 0;
  for (const layout of PRIMARIES) {
    const account = accountFor(ctx, layout.role);
    const list: DbInstance[] = [];
    for (let i = 0; i < layout.count; i++) {
      const squad = PRODUCT_SQUADS[serial++ % PRODUCT_SQUADS.length];
      if (!squad) throw new Error("no squads");
      const identifier = `${squad.slug}-db-${account.environment}-${i + 1}${ctx.suffix}`;
      const engine = random.chance(0.85) ? "postgres" : "mysql";
      const primary: DbInstance = {
        identifier,
        arn: `arn:aws:rds:us-east-1:${account.id}:db:${identifier}`,
        accountId: account.id,
        region: "us-east-1",
        az: `us-east-1${random.pick(["a", "b", "c"])}`,
        instanceClass: random.pick(layout.classes),
        engine,
        engineVersion: engine === "postgres" ? random.pick(["13.14", "14.11", "15.6"]) : "8.0.36",
        storageGiB: random.int(4, 40) * 50,
        multiAz: layout.multiAz,
        createDay: addDays(ctx.today, -random.int(400, 2000)),
        usage: {
          cpuMean: Math.round(random.float(15, 50)),
          connectionsMax: random.int(150, 500),
          connectionsMean: random.int(50, 140),
          readIopsMean: random.int(300, 3000),
        },
        managedBy: "terraform",
        tags: standardTags(squad, account.environment, identifier, random.chance(0.08)),
      };
      list.push(primary);
      org.dbInstances.push(primary);
    }
    primariesByRole.set(layout.role, list);
  }

  const replicaCounts = new Map<string, number>();
  const replicaOf = (kind: "idle" | "active" | "decoy"): DbInstance => {
    const role = pickWeighted(random, REPLICA_HOME_WEIGHTS as Record<AccountRole, number>);
    const primary = random.pick(primariesByRole.get(role) ?? []);
    const n = (replicaCounts.get(primary.identifier) ?? 0) + 1;
    replicaCounts.set(primary.identifier, n);
    const identifier = `${primary.identifier}-replica-${n}`;
    const usage =
      kind === "idle"
        ? {
            cpuMean: Math.round(random.float(1, 3)),
            connectionsMax: 0,
            connectionsMean: 0,
            // "ReadIOPS ~ 0" (DESIGN.md): the odd background read, never a workload.
            readIopsMean: Math.round(random.float(0, 0.25) * 100) / 100,
          }
        : kind === "active"
          ? {
              cpuMean: Math.round(random.float(20, 45)),
              connectionsMax: random.int(80, 200),
              connectionsMean: random.int(40, 80),
              readIopsMean: random.int(200, 2000),
            }
          : {
              cpuMean: Math.round(random.float(2, 4)),
              connectionsMax: random.int(8, 12),
              connectionsMean: random.int(4, 8),
              readIopsMean: random.int(10, 40),
            };
    const replica: DbInstance = {
      ...primary,
      identifier,
      instanceClass: REPLICA_CLASS[primary.instanceClass] ?? primary.instanceClass,
      arn: primary.arn.replace(/db:[^:]+$/, `db:${identifier}`),
      az: `us-east-1${random.pick(["a", "b", "c"])}`,
      multiAz: false,
      replicaSourceIdentifier: primary.identifier,
      createDay: addDays(ctx.today, -random.int(200, 1200)),
      usage,
      managedBy: random.chance(0.15) ? "console" : "terraform",
      tags: { ...primary.tags, Name: identifier },
    };
    org.dbInstances.push(replica);
    return replica;
  };

  for (let i = 0; i < IDLE_REPLICAS; i++) {
    const replica = replicaOf("idle");
    org.planted.push({
      type: "idle-replica",
      resourceId: replica.identifier,
      monthlySavingMicros: dbHourlyMicros(org, replica) * HOURS_PER_MONTH + dbStorageMonthlyMicros(org, replica),
      detail: `${replica.instanceClass} replica of ${replica.replicaSourceIdentifier}: no connections, no reads`,
    });
  }
  for (let i = 0; i < ACTIVE_REPLICAS; i++) replicaOf("active");
  for (let i = 0; i < CONNECTED_REPLICA_DECOYS; i++) {
    const replica = replicaOf("decoy");
    org.decoys.push({
      looksLike: "idle-replica",
      resourceId: replica.identifier,
      why: `low CPU but ${replica.usage.connectionsMean} steady connections and ${replica.usage.readIopsMean} read IOPS`,
    });
  }
}
