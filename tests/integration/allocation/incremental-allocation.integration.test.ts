// The scheduled allocation run recomputes only the months whose inputs changed, over sandbox data ingested
// by the real jobs: a second run recomputes nothing, a rule change recomputes every month, re-ingested or
// restated facts of one month recompute that month, a month whose facts are gone loses its rows, and a run
// that dies half-way leaves only the months it did not write to the next run. Every time, the rows and
// rollups equal a full recompute's and every day reconciles to the cent. PGlite, and Postgres in the second
// run of this suite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocationJob } from "@/jobs/allocation";
import { createOwnershipRule, deleteOwnershipRule } from "@/lib/allocation/ownership-rules";
import { runAllocation, type AllocationRunSummary } from "@/lib/allocation/run-allocation";
import { toIsoDay } from "@/lib/format/dates";
import { runJob } from "@/lib/jobs/run-job";
import { getReconciliation } from "@/lib/queries/spend/get-reconciliation";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, testDatabaseMode, type TestDatabase } from "../../helpers/test-database";
import { allocatedRowsDigest } from "./allocated-digest";
import { ingestSandbox, sandboxJobs } from "./ingest-sandbox";

const TODAY = "2026-11-20";
/** whole months around every stored fact: a full recompute over it records every month */
const EVERYTHING = { from: "2025-10-01", to: "2026-12-01" };
let sandbox: TestSandbox;
let database: TestDatabase;
let factMonths: string[];

async function allocate(options: { window?: { from: string; to: string }; abortAfterMonths?: number } = {}) {
  const logs: string[] = [];
  const controller = new AbortController();
  const started = performance.now();
  const summary: AllocationRunSummary = await runAllocation({
    prisma: database.prisma,
    runId: "incremental-test",
    window: options.window,
    signal: controller.signal,
    log: (message) => logs.push(message),
    progress: (done) => {
      if (done === options.abortAfterMonths) controller.abort(new Error("worker stopped"));
    },
    countRows: () => {},
  });
  return { ...summary, logs, seconds: (performance.now() - started) / 1000 };
}

/** Every allocated row and rollup without run ids, as digests: what "identical" means. */
async function dump() {
  const [rollups] = await database.prisma.$queryRaw<Array<{ owners: string; bills: string }>>`
    SELECT
      (SELECT md5(string_agg(concat_ws('|', day, owner_type, squad, amount), ',' ORDER BY day, owner_type, squad))
       FROM owner_spend_daily) AS owners,
      (SELECT md5(string_agg(concat_ws('|', day, amount), ',' ORDER BY day)) FROM bill_daily) AS bills`;
  return { ...(await allocatedRowsDigest(database.prisma)), ...rollups! };
}

/** The incremental result equals a full recompute of every month, and every day reconciles to the cent. */
async function expectSameAsFullRecompute() {
  const incremental = await dump();
  await allocate({ window: EVERYTHING });
  expect(await dump()).toEqual(incremental);
  const { days } = await getReconciliation(database.prisma, EVERYTHING);
  expect(days.length).toBeGreaterThan(300);
  expect(days.filter((day) => day.difference !== "0")).toEqual([]);
}

const records = async () =>
  new Map(
    (await database.prisma.allocationMonth.findMany({ select: { month: true, inputs: true } })).map((record) => [
      toIsoDay(record.month),
      record.inputs,
    ]),
  );

beforeAll(async () => {
  sandbox = await startTestSandbox({ today: TODAY, months: 13 });
  database = await createTestDatabase();
  await ingestSandbox(database.prisma, sandbox, TODAY);
  const months = await database.prisma.$queryRaw<Array<{ month: Date }>>`
    SELECT DISTINCT date_trunc('month', day::timestamp)::date AS month FROM cost_daily ORDER BY 1`;
  factMonths = months.map((row) => toIsoDay(row.month));
}, 600_000);

afterAll(async () => {
  await database?.drop();
  await sandbox?.close();
});

describe("incremental allocation", () => {
  it("allocates every month on the first run and records what each was computed from", async () => {
    expect(factMonths).toHaveLength(13);
    expect([factMonths[0], factMonths.at(-1)]).toEqual(["2025-11-01", "2026-11-01"]);
    const first = await allocate();
    expect(first.months).toEqual(factMonths);
    expect(first.days).toBe(384);
    expect(first.logs[0]).toMatch(/^Allocation: not allocated yet: 2025-11\.\.2026-11 \(13\);/);
    expect([...(await records()).keys()].sort()).toEqual(factMonths);
  });

  it("recomputes nothing when nothing changed, quickly, and the job still succeeds", async () => {
    const before = await dump();
    const second = await allocate();
    expect(second).toMatchObject({ months: [], days: 0, rows: 0 });
    expect(second.logs[0]).toMatch(/^Allocation: nothing changed in 13 month\(s\);/);
    console.log(`[${testDatabaseMode()}] allocation with nothing changed: ${second.seconds.toFixed(2)} s`);
    expect((await runJob(database.prisma, allocationJob, { trigger: "cli", holder: "test" })).status).toBe("SUCCEEDED");
    expect(await dump()).toEqual(before);
  });

  it("recomputes every month after a rule change, and again after its removal", async () => {
    const rule = await createOwnershipRule(
      database.prisma,
      { kind: "NAMESPACE", matchValue: "*/kube-system", squad: "platform" },
      "finops@example.com",
    );
    const changed = await allocate();
    expect(changed.months).toEqual(factMonths);
    expect(changed.logs[0]).toMatch(/^Allocation: policy changed: 2025-11\.\.2026-11 \(13\);/);
    const kubeSystem = await database.prisma.allocatedCostDaily.count({
      where: { namespace: "kube-system", ownerType: "SQUAD", squad: "platform" },
    });
    expect(kubeSystem).toBeGreaterThan(0);
    await expectSameAsFullRecompute();
    await deleteOwnershipRule(database.prisma, { id: rule.id }, "finops@example.com");
    expect((await allocate()).months).toEqual(factMonths);
    expect((await allocate()).months).toEqual([]);
  });

  it("recomputes only the month whose Cost Explorer facts were ingested again", async () => {
    const before = await dump();
    const costExplorer = sandboxJobs(sandbox, TODAY).find((job) => job.name === "cost-explorer")!;
    const window = { from: "2026-10-01", to: "2026-11-01" };
    expect((await runJob(database.prisma, costExplorer, { trigger: "cli", holder: "test", window })).status).toBe(
      "SUCCEEDED",
    );
    const run = await allocate();
    expect(run.months).toEqual(["2026-10-01"]);
    expect(run.logs[0]).toMatch(/^Allocation: facts changed in 2026-10;/);
    expect(await dump()).toEqual(before);
    await expectSameAsFullRecompute();
  });

  it("recomputes only the month whose facts were restated in place", async () => {
    await database.prisma.$executeRaw`
      UPDATE cost_daily SET unblended_cost = unblended_cost + 1.23
      WHERE id = (SELECT MIN(id) FROM cost_daily WHERE day = '2026-09-14' AND team_tag <> '')`;
    const before = await dump();
    const run = await allocate();
    expect(run.months).toEqual(["2026-09-01"]);
    expect(run.logs[0]).toMatch(/^Allocation: facts changed in 2026-09;/);
    expect(await dump()).not.toEqual(before);
    await expectSameAsFullRecompute();
  });

  it("leaves only the months it did not write to the next run when it dies half-way", async () => {
    const rule = await createOwnershipRule(
      database.prisma,
      { kind: "ACCOUNT", matchValue: sandbox.ctx.org.accounts[0]!.id, squad: "platform", priority: 900 },
      "finops@example.com",
    );
    const recorded = await records();
    await expect(allocate({ abortAfterMonths: 1 })).rejects.toThrow("worker stopped");
    const after = await records();
    expect(after.get(factMonths[0]!)).not.toBe(recorded.get(factMonths[0]!));
    for (const month of factMonths.slice(1)) expect(after.get(month)).toBe(recorded.get(month));
    const resumed = await allocate();
    expect(resumed.months).toEqual(factMonths.slice(1));
    expect(resumed.logs[0]).toMatch(/^Allocation: policy changed: 2025-12\.\.2026-11 \(12\);/);
    await expectSameAsFullRecompute();
    await deleteOwnershipRule(database.prisma, { id: rule.id }, "finops@example.com");
    expect((await allocate()).months).toEqual(factMonths);
  });

  it("removes the rows, rollups and record of a month whose facts are gone", async () => {
    const september = { gte: new Date("2026-09-01T00:00:00Z"), lt: new Date("2026-10-01T00:00:00Z") };
    await database.prisma.costDaily.deleteMany({ where: { day: september } });
    await database.prisma.namespaceCostDaily.deleteMany({ where: { day: september } });
    const run = await allocate();
    expect(run.months).toEqual(["2026-09-01"]);
    expect(run.logs[0]).toMatch(/^Allocation: facts gone in 2026-09;/);
    expect(await database.prisma.allocatedCostDaily.count({ where: { day: september } })).toBe(0);
    expect(await database.prisma.ownerSpendDaily.count({ where: { day: september } })).toBe(0);
    expect(await database.prisma.billDaily.count({ where: { day: september } })).toBe(0);
    expect([...(await records()).keys()].sort()).toEqual(factMonths.filter((month) => month !== "2026-09-01"));
    expect((await allocate()).months).toEqual([]);
    await expectSameAsFullRecompute();
  });
});
