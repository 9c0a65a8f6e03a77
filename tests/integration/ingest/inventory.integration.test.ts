// The inventory ingest against the sandbox's EC2, RDS, ELBv2 and Auto Scaling APIs, through the real SDK,
// into a real database (PGlite, and Postgres in the second run of this suite).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAutoScalingClient,
  createEc2Client,
  createElbv2Client,
  createRdsClient,
  type AwsClientOptions,
} from "@/lib/aws/aws-clients";
import type { ResourceKind } from "@/lib/db/generated/client";
import { addDays } from "@/lib/format/dates";
import { ingestInventory } from "@/lib/ingest/inventory/ingest-inventory";
import type { InventoryClients } from "@/lib/ingest/inventory/region-snapshot";
import { parseResourceAttributes } from "@/lib/ingest/inventory/resource-attributes";
import type { JobDefinition } from "@/lib/jobs/job-definition";
import { runJob, type RunJobResult } from "@/lib/jobs/run-job";
import type { Organisation } from "../../../sim/org/model";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

const TODAY = "2026-11-20";
let sandbox: TestSandbox;
let org: Organisation;
let database: TestDatabase;

function inventoryJob(now: () => Date, regions: () => string[]): JobDefinition {
  return {
    name: "inventory",
    description: "test",
    schedule: "5 * * * *",
    async run(context) {
      const counter = { count: 0 };
      const options = (region: string): AwsClientOptions => ({ region, counter, maxAttempts: 4 });
      const clients = new Map<string, InventoryClients>(
        regions().map((region) => [
          region,
          {
            ec2: createEc2Client(options(region)),
            rds: createRdsClient(options(region)),
            elbv2: createElbv2Client(options(region)),
            autoScaling: createAutoScalingClient(options(region)),
          },
        ]),
      );
      try {
        await ingestInventory(context, { regions: regions(), clientsFor: (region) => clients.get(region)!, now });
      } finally {
        context.countRequests(counter.count);
        for (const set of clients.values()) for (const client of Object.values(set)) client.destroy();
      }
    },
  };
}

/** Noon of the sandbox's today: the run's time, so gone days are the sandbox's days. */
let runAt = () => new Date(`${org.today}T12:00:00.000Z`);
const job = inventoryJob(
  () => runAt(),
  () => org.regions,
);
const run = (): Promise<RunJobResult> => runJob(database.prisma, job, { trigger: "cli", holder: "test" });

const live = (goneDay: string | undefined) => goneDay === undefined || goneDay > org.today;

/** What the sandbox serves per kind right now: the rows that must be stored and not gone. */
function expectedCounts(): Partial<Record<ResourceKind, number>> {
  return {
    EC2_INSTANCE: org.instances.filter((i) => live(i.goneDay)).length,
    EBS_VOLUME: org.volumes.filter((v) => live(v.goneDay)).length,
    NAT_GATEWAY: org.natGateways.filter((n) => live(n.goneDay)).length,
    VPC_ENDPOINT: org.vpcEndpoints.filter((e) => live(e.goneDay)).length,
    VPC: org.vpcs.length,
    SUBNET: org.subnets.length,
    ROUTE_TABLE: org.routeTables.length,
    RDS_INSTANCE: org.dbInstances.filter((d) => live(d.goneDay)).length,
    AUTO_SCALING_GROUP: org.autoScalingGroups.length,
    TARGET_GROUP: org.targetGroups.length,
  };
}

async function storedCounts() {
  const groups = await database.prisma.resource.groupBy({ by: ["kind"], where: { goneOn: null }, _count: true });
  return Object.fromEntries(groups.map((group) => [group.kind, group._count]));
}

/** Every stored row; `lastSeenAt` only where asked, since every run moves it. */
async function dump(options: { lastSeenAt: boolean }) {
  const rows = await database.prisma.resource.findMany({ orderBy: [{ kind: "asc" }, { resourceId: "asc" }] });
  return rows.map((row) => (options.lastSeenAt ? row : { ...row, lastSeenAt: undefined }));
}

async function stored(kind: ResourceKind, resourceId: string) {
  return database.prisma.resource.findFirstOrThrow({ where: { kind, resourceId } });
}

beforeAll(async () => {
  sandbox = await startTestSandbox({ today: TODAY });
  org = sandbox.ctx.org;
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
  await sandbox?.close();
});

describe("inventory ingest", () => {
  let first: RunJobResult;
  let firstRequests = 0;
  const progress: Array<[number, number]> = [];

  beforeAll(async () => {
    await sandbox.resetStats();
    first = await runJob(database.prisma, job, {
      trigger: "cli",
      holder: "test",
      progress: (done, total) => progress.push([done, total]),
    });
    firstRequests = (await sandbox.stats()).total;
  });

  it("stores every resource the sandbox serves, counting requests and rows", async () => {
    expect(first).toMatchObject({ status: "SUCCEEDED", apiRequests: firstRequests });
    expect(await storedCounts()).toEqual(expectedCounts());
    const total = Object.values(expectedCounts()).reduce((sum, count) => sum + count, 0);
    expect(first.status === "SUCCEEDED" && first.rowsWritten).toBe(total);
    // One step per resource type and region, then the write.
    const steps = org.regions.length * 10 + 1;
    expect(progress).toEqual(Array.from({ length: steps }, (_, index) => [index + 1, steps]));
    console.log(`inventory: ${total} resources in ${org.regions.length} regions, ${firstRequests} API requests`);
  });

  it("records membership, state times, accounts and tags as the sandbox has them", async () => {
    const instances = await database.prisma.resource.findMany({ where: { kind: "EC2_INSTANCE" } });
    const byId = new Map(instances.map((row) => [row.resourceId, row]));
    for (const instance of org.instances) {
      const row = byId.get(instance.id)!;
      const attributes = parseResourceAttributes("EC2_INSTANCE", row.attributes);
      expect({
        accountId: row.accountId,
        region: row.region,
        state: row.state,
        sizeType: row.sizeType,
        teamTag: row.teamTag,
        asgName: attributes.asgName,
        eksCluster: attributes.eksCluster,
        targetGroupArns: attributes.targetGroupArns,
        volumeIds: attributes.volumeIds,
        architecture: attributes.architecture,
      }).toEqual({
        accountId: instance.accountId,
        region: instance.region,
        state: instance.state,
        sizeType: instance.instanceType,
        teamTag: instance.tags.team ?? "",
        asgName: instance.asgName ?? null,
        eksCluster: instance.clusterName ?? null,
        targetGroupArns: [...instance.targetGroupArns].sort(),
        volumeIds: instance.volumeIds,
        architecture: instance.architecture,
      });
      if (instance.state === "stopped") {
        // EC2 never reports a stop before the launch (the sandbox has a warm-pool instance "stopped" before it launched).
        const stopDay = [instance.stateChangeDay, instance.launchDay].sort()[1];
        expect(row.stateChangedAt?.toISOString().slice(0, 10)).toBe(stopDay);
      }
    }

    const warmPool = org.autoScalingGroups.flatMap((group) => group.warmPoolInstanceIds);
    expect(warmPool.length).toBeGreaterThan(0);
    for (const group of org.autoScalingGroups) {
      const attributes = parseResourceAttributes(
        "AUTO_SCALING_GROUP",
        (await stored("AUTO_SCALING_GROUP", group.name)).attributes,
      );
      expect(attributes.warmPoolInstanceIds).toEqual([...group.warmPoolInstanceIds].sort());
    }
    for (const group of org.targetGroups) {
      const attributes = parseResourceAttributes("TARGET_GROUP", (await stored("TARGET_GROUP", group.arn)).attributes);
      expect(attributes.instanceIds).toEqual([...group.instanceIds].sort());
    }

    const replica = org.dbInstances.find((db) => db.replicaSourceIdentifier)!;
    const replicaRow = await stored("RDS_INSTANCE", replica.identifier);
    expect(replicaRow).toMatchObject({ accountId: replica.accountId, sizeType: replica.instanceClass });
    expect(parseResourceAttributes("RDS_INSTANCE", replicaRow.attributes)).toMatchObject({
      replicaSource: replica.replicaSourceIdentifier,
      engine: replica.engine,
      storageGiB: replica.storageGiB,
    });
    const source = parseResourceAttributes(
      "RDS_INSTANCE",
      (await stored("RDS_INSTANCE", replica.replicaSourceIdentifier!)).attributes,
    );
    expect(source.replicas).toContain(replica.identifier);

    for (const volume of org.volumes.filter((v) => v.state === "in-use")) {
      expect((await stored("EBS_VOLUME", volume.id)).accountId).toBe(volume.accountId);
    }
    for (const nat of org.natGateways) expect((await stored("NAT_GATEWAY", nat.id)).accountId).toBe(nat.accountId);
    const table = org.routeTables.find((t) => t.natGatewayId)!;
    expect(parseResourceAttributes("ROUTE_TABLE", (await stored("ROUTE_TABLE", table.id)).attributes)).toMatchObject({
      natGatewayId: table.natGatewayId,
      subnetIds: table.subnetIds,
    });
  });

  it("leaves identical rows when run twice, moving only lastSeenAt", async () => {
    const before = await dump({ lastSeenAt: false });
    const firstSeen = before[0]!.firstSeenAt;
    const previous = runAt;
    runAt = () => new Date(`${org.today}T13:00:00.000Z`);
    try {
      expect((await run()).status).toBe("SUCCEEDED");
    } finally {
      runAt = previous;
    }
    expect(await dump({ lastSeenAt: false })).toEqual(before);
    const after = await dump({ lastSeenAt: true });
    expect(after.every((row) => row.lastSeenAt?.toISOString() === `${org.today}T13:00:00.000Z`)).toBe(true);
    expect(after[0]!.firstSeenAt).toEqual(firstSeen);
  });

  it("retries throttling and succeeds, counting every attempt", async () => {
    const before = await dump({ lastSeenAt: false });
    await sandbox.resetStats();
    await sandbox.injectFault({ api: "ec2", operation: "DescribeInstances", kind: "throttle", count: 2 });
    await sandbox.injectFault({ api: "rds", operation: "DescribeDBInstances", kind: "throttle", count: 1 });
    const result = await run();
    const stats = await sandbox.stats();
    expect(result.status).toBe("SUCCEEDED");
    expect(stats.faulted).toBe(3);
    expect(result).toMatchObject({ apiRequests: stats.total });
    expect(await dump({ lastSeenAt: false })).toEqual(before);
  });

  it("fails cleanly in a 5xx storm, naming the call, and changes nothing", async () => {
    const before = await dump({ lastSeenAt: true });
    await sandbox.injectFault({ api: "ec2", operation: "DescribeVolumes", kind: "server-error", count: 50 });
    const result = await run();
    await sandbox.clearFaults();
    expect(result.status === "FAILED" && result.error).toMatch(/^EC2 DescribeVolumes failed: InternalFailure/);
    expect(await dump({ lastSeenAt: true })).toEqual(before);
  });

  it("reports a malformed page by API and operation, and changes nothing", async () => {
    const before = await dump({ lastSeenAt: true });
    await sandbox.injectFault({ api: "rds", operation: "DescribeDBInstances", kind: "malformed", count: 1 });
    const result = await run();
    await sandbox.clearFaults();
    expect(result.status === "FAILED" && result.error).toMatch(
      /^RDS DescribeDBInstances (failed|returned an unexpected payload)/,
    );
    expect(await dump({ lastSeenAt: true })).toEqual(before);
  });

  it("changes nothing when killed half-way through the listing", async () => {
    const before = await dump({ lastSeenAt: true });
    const controller = new AbortController();
    const killed = await runJob(database.prisma, job, {
      trigger: "cli",
      holder: "test",
      signal: controller.signal,
      // Killed once the first region's instances are listed.
      progress: (done) => done === 6 && controller.abort(new Error("killed")),
    });
    expect(killed).toMatchObject({ status: "FAILED", error: "killed" });
    expect(await dump({ lastSeenAt: true })).toEqual(before);
  });

  it("marks vanished resources gone with the day, never deletes them, and un-gones a reappearing one", async () => {
    const instance = org.instances.find((i) => i.state === "running" && !i.asgName && live(i.goneDay))!;
    const volume = org.volumes.find((v) => v.state === "available" && live(v.goneDay))!;
    const nat = org.natGateways.find((n) => live(n.goneDay))!;
    const rowsBefore = await database.prisma.resource.count();
    const goneDay = org.today;
    instance.goneDay = goneDay;
    volume.goneDay = goneDay;
    nat.goneDay = goneDay;
    try {
      // Today EC2 still lists the instance, terminated, and the NAT gateway, deleted; the volume is not listed.
      expect((await run()).status).toBe("SUCCEEDED");
      for (const [kind, id] of [
        ["EC2_INSTANCE", instance.id],
        ["EBS_VOLUME", volume.id],
        ["NAT_GATEWAY", nat.id],
      ] as const) {
        const row = await stored(kind, id);
        expect({ kind, state: row.state, goneOn: row.goneOn?.toISOString().slice(0, 10) }).toEqual({
          kind,
          state: "gone",
          goneOn: goneDay,
        });
      }
      expect(await database.prisma.resource.count()).toBe(rowsBefore);
      expect(await storedCounts()).toEqual(expectedCounts());

      // The next day they are no longer listed at all: still gone, on the same day.
      await sandbox.advanceDays(1);
      expect(org.today).toBe(addDays(goneDay, 1));
      expect((await run()).status).toBe("SUCCEEDED");
      expect((await stored("EC2_INSTANCE", instance.id)).goneOn?.toISOString().slice(0, 10)).toBe(goneDay);
      expect(await database.prisma.resource.count()).toBe(rowsBefore);
    } finally {
      delete instance.goneDay;
      delete volume.goneDay;
      delete nat.goneDay;
    }

    // Back again (a restore, or a resource we were wrong about): un-gone, first seen kept.
    expect((await run()).status).toBe("SUCCEEDED");
    const back = await stored("EC2_INSTANCE", instance.id);
    expect(back).toMatchObject({ state: "running", goneOn: null });
    expect(await storedCounts()).toEqual(expectedCounts());
    expect(await database.prisma.resource.count()).toBe(rowsBefore);
  });
});
