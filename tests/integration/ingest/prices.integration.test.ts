// The price ingest against the sandbox's Price List API, through the real SDK, into a real database
// (PGlite, and Postgres in the second run of this suite). The inventory is seeded here from the sandbox's
// organisation, so this test depends on no other ingest.
import { liveInventoryRows } from "../../helpers/sandbox-inventory";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rightsizingCandidateTypes } from "@/lib/waste/instance-sizes";
import { createPricingClient } from "@/lib/aws/aws-clients";
import { Decimal } from "@/lib/db/decimal";
import { toIsoDay } from "@/lib/format/dates";
import { ingestPrices } from "@/lib/ingest/prices/ingest-prices";
import { rdsPriceKey } from "@/lib/ingest/prices/price-keys";
import type { JobDefinition } from "@/lib/jobs/job-definition";
import { runJob } from "@/lib/jobs/run-job";
import type { Price as SandboxPrice } from "@/sim/org/model";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

const TODAY = "2026-11-20";
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ today: TODAY });
});
afterAll(async () => {
  await sandbox.close();
});

const pricesJob: JobDefinition = {
  name: "prices",
  description: "test",
  schedule: "0 * * * *",
  async run(context) {
    const counter = { count: 0 };
    const client = createPricingClient({ region: "us-east-1", counter, maxAttempts: 4 });
    try {
      await ingestPrices(context, { client });
    } finally {
      context.countRequests(counter.count);
      client.destroy();
    }
  },
};

const run = (database: TestDatabase, log?: (message: string) => void) =>
  runJob(database.prisma, pricesJob, { trigger: "cli", holder: "test", log });

/** The sandbox's live inventory, as the inventory ingest would store it (sizeType is what prices follow). */
async function seedInventory(database: TestDatabase) {
  await database.prisma.resource.createMany({
    data: liveInventoryRows(sandbox.ctx.org, ["EC2_INSTANCE", "EBS_VOLUME", "RDS_INSTANCE", "NAT_GATEWAY"]),
  });
}

const KINDS: Record<SandboxPrice["kind"], string> = {
  "ec2-instance-hour": "EC2_INSTANCE_HOUR",
  "ebs-gb-month": "EBS_GB_MONTH",
  "nat-hour": "NAT_HOUR",
  "nat-gb": "NAT_GB",
  "endpoint-hour": "ENDPOINT_HOUR",
  "endpoint-gb": "ENDPOINT_GB",
  "rds-instance-hour": "RDS_INSTANCE_HOUR",
  "rds-storage-gb-month": "RDS_STORAGE_GB_MONTH",
};

/** The sandbox's price table restricted to what its live inventory uses, in CostLens' keys. */
function expectedPrices() {
  const { org } = sandbox.ctx;
  const live = <T extends { goneDay?: string }>(items: T[]) => items.filter((item) => !item.goneDay);
  // Instance types in use per region, and the smaller and Graviton sizes a rightsizing of them may name.
  const typesByRegion = new Map<string, string[]>();
  for (const instance of live(org.instances)) {
    typesByRegion.set(instance.region, [...(typesByRegion.get(instance.region) ?? []), instance.instanceType]);
  }
  const instanceTypes = [...typesByRegion].flatMap(([region, types]) =>
    [...types, ...rightsizingCandidateTypes(types)].map((type) => `ec2-instance-hour|${region}|${type}`),
  );
  const used = new Set([
    ...instanceTypes,
    ...live(org.volumes).map((v) => `ebs-gb-month|${v.region}|${v.volumeType}`),
    ...live(org.dbInstances).map((d) => `rds-instance-hour|${d.region}|${d.instanceClass}`),
    ...live(org.dbInstances).map((d) => `rds-storage-gb-month|${d.region}|gp2`),
  ]);
  const regions = new Set(
    [...live(org.instances), ...live(org.volumes), ...live(org.dbInstances), ...live(org.natGateways)].map(
      (r) => r.region,
    ),
  );
  return org.prices
    .filter((p) => used.has(`${p.kind}|${p.region}|${p.key}`) || (p.key === "" && regions.has(p.region)))
    .flatMap((p) => {
      const row = {
        kind: KINDS[p.kind],
        region: p.region,
        unit: p.unit,
        usdPerUnit: new Decimal(p.usdPerUnit).toString(),
        effectiveDate: p.effectiveDate,
      };
      if (!p.kind.startsWith("rds-")) return [{ ...row, key: p.key, sku: p.sku }];
      // RDS prices are served for PostgreSQL and MySQL alike (MySQL's SKU carries a suffix).
      return [
        { ...row, key: rdsPriceKey(p.key, "postgres", p.deployment === "multi-az"), sku: p.sku },
        { ...row, key: rdsPriceKey(p.key, "mysql", p.deployment === "multi-az"), sku: `${p.sku}-MYSQL` },
      ];
    })
    .sort((a, b) => `${a.kind}|${a.region}|${a.key}`.localeCompare(`${b.kind}|${b.region}|${b.key}`));
}

async function dump(database: TestDatabase) {
  const rows = await database.prisma.price.findMany({
    select: { kind: true, region: true, key: true, unit: true, usdPerUnit: true, sku: true, effectiveDate: true },
  });
  return rows
    .map((row) => ({ ...row, usdPerUnit: row.usdPerUnit.toString(), effectiveDate: toIsoDay(row.effectiveDate) }))
    .sort((a, b) => `${a.kind}|${a.region}|${a.key}`.localeCompare(`${b.kind}|${b.region}|${b.key}`));
}

describe("Price List ingest", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await sandbox.clearFaults();
    await database.drop();
  });

  it("fetches nothing while the inventory is empty, and says so", async () => {
    await sandbox.resetStats();
    const log: string[] = [];
    const result = await run(database, (message) => log.push(message));
    expect(result).toMatchObject({ status: "SUCCEEDED", rowsWritten: 0, apiRequests: 0 });
    expect((await sandbox.stats()).total).toBe(0);
    expect(log.join("\n")).toMatch(/inventory is empty/);
  });

  it("stores exactly the sandbox's prices for the types in use and their rightsizing sizes, in a few requests", async () => {
    await seedInventory(database);
    await sandbox.resetStats();
    const result = await run(database);
    expect(result.status === "FAILED" ? result.error : result.status).toBe("SUCCEEDED");
    const stats = (await sandbox.stats()).apis.pricing!;
    expect(result).toMatchObject({ apiRequests: stats.total });
    const expected = expectedPrices();
    expect(await dump(database)).toEqual(expected);
    // 6 requests a region at most (EC2, EBS, RDS instances, RDS storage, NAT, endpoints)
    expect(stats.total).toBeLessThanOrEqual(6 * sandbox.ctx.org.regions.length);
    console.log(`prices: ${expected.length} prices in ${stats.total} Price List requests`);
    // the exact decimal, unrounded
    const m5 = await database.prisma.price.findFirst({
      where: { kind: "EC2_INSTANCE_HOUR", region: "us-east-1" },
      select: { usdPerUnit: true, key: true },
    });
    const served = sandbox.ctx.org.prices.find(
      (p) => p.kind === "ec2-instance-hour" && p.region === "us-east-1" && p.key === m5!.key,
    )!;
    expect(m5!.usdPerUnit.equals(new Decimal(served.usdPerUnit))).toBe(true);
  });

  it("leaves identical rows when run twice", async () => {
    const before = await dump(database);
    expect((await run(database)).status).toBe("SUCCEEDED");
    expect(await dump(database)).toEqual(before);
    expect(await database.prisma.price.count()).toBe(before.length);
  });

  it("retries throttling and succeeds", async () => {
    const before = await dump(database);
    await sandbox.resetStats();
    await sandbox.injectFault({ api: "pricing", operation: "GetProducts", kind: "throttle", count: 2 });
    const result = await run(database);
    expect(result.status).toBe("SUCCEEDED");
    const stats = await sandbox.stats();
    expect(stats.faulted).toBe(2);
    expect(result).toMatchObject({ apiRequests: stats.apis.pricing!.total });
    expect(await dump(database)).toEqual(before);
  });

  it("reports a malformed body as Price List GetProducts, and keeps the old prices", async () => {
    const before = await dump(database);
    await sandbox.injectFault({ api: "pricing", operation: "GetProducts", kind: "malformed", count: 1 });
    const result = await run(database);
    await sandbox.clearFaults();
    expect(result.status === "FAILED" && result.error).toMatch(
      /^Price List GetProducts (failed|returned an unexpected payload)/,
    );
    expect(await dump(database)).toEqual(before);
  });
});
