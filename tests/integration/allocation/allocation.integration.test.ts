// Allocation over the sandbox's 13 months, ingested by the real ingest functions: every day reconciles to
// the bill to the cent (difference exactly 0), EKS nodes are counted once, reruns change nothing, and a
// rule change rewrites history. PGlite, and Postgres in the second run of this suite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocationJob } from "@/jobs/allocation";
import { saveAllocationSettings, defaultAllocationSettings } from "@/lib/allocation/allocation-settings";
import {
  createOwnershipRule,
  deleteOwnershipRule,
  OwnershipRuleError,
  updateOwnershipRule,
} from "@/lib/allocation/ownership-rules";
import { Decimal } from "@/lib/db/decimal";
import { runJob } from "@/lib/jobs/run-job";
import { getDailySpendBySquad } from "@/lib/queries/spend/get-daily-spend-by-squad";
import { getReconciliation } from "@/lib/queries/spend/get-reconciliation";
import { getSquadSpend } from "@/lib/queries/spend/get-squad-spend";
import { getSquadsSpend } from "@/lib/queries/spend/get-squads-spend";
import { getTagCoverage } from "@/lib/queries/spend/get-tag-coverage";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, testDatabaseMode, type TestDatabase } from "../../helpers/test-database";
import { allocatedRowsDigest } from "./allocated-digest";
import { ingestSandbox } from "./ingest-sandbox";

const TODAY = "2026-11-20";
const HISTORY = { from: "2025-11-01", to: TODAY };
let sandbox: TestSandbox;
let database: TestDatabase;

const runAllocation = (window?: { from: string; to: string }) =>
  runJob(database.prisma, allocationJob, { trigger: "cli", holder: "test", ...(window ? { window } : {}) });

const dump = () => allocatedRowsDigest(database.prisma);

async function expectReconciled(window = HISTORY) {
  const { days } = await getReconciliation(database.prisma, window);
  expect(days.length).toBeGreaterThan(0);
  const wrong = days.filter((day) => day.difference !== "0");
  expect(wrong).toEqual([]);
  return days;
}

beforeAll(async () => {
  sandbox = await startTestSandbox({ today: TODAY, months: 13 });
  database = await createTestDatabase();
  const started = Date.now();
  await ingestSandbox(database.prisma, sandbox, TODAY);
  console.log(`[${testDatabaseMode()}] ingest of 13 months: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 600_000);

afterAll(async () => {
  await database?.drop();
  await sandbox?.close();
});

describe("allocation over the sandbox's 13 months", () => {
  it("reconciles every day to the bill to the cent, squads created from the tags", async () => {
    const started = Date.now();
    const result = await runAllocation();
    const seconds = (Date.now() - started) / 1000;
    expect(result.status).toBe("SUCCEEDED");
    const days = await expectReconciled();
    expect(days).toHaveLength(384);
    const sum = (key: "bill" | "allocated" | "shared" | "idle" | "unallocated") =>
      days.reduce((total, day) => total.plus(day[key]), new Decimal(0)).toFixed(2);
    console.log(
      `[${testDatabaseMode()}] allocation: ${result.status === "SUCCEEDED" && result.rowsWritten} rows in ${seconds.toFixed(1)} s; ` +
        `bill ${sum("bill")} = squads ${sum("allocated")} + shared ${sum("shared")} + idle ${sum("idle")} + unallocated ${sum("unallocated")}`,
    );
    const stored = await database.prisma.$queryRaw<Array<{ total: string }>>`
      SELECT SUM(unblended_cost)::text AS total FROM cost_daily`;
    expect(new Decimal(stored[0]!.total).toFixed(2)).toBe(sum("bill"));

    const squads = await database.prisma.squad.findMany({ select: { slug: true, name: true, costCentre: true } });
    const expected = ["checkout", "catalog", "search", "payments", "identity", "recommendations"];
    expect(squads.map((squad) => squad.slug)).toEqual(expect.arrayContaining([...expected, "platform"]));
    expect(squads.find((squad) => squad.slug === "checkout")).toEqual({
      slug: "checkout",
      name: "Checkout",
      costCentre: "CC-1010",
    });
  });

  it("counts the EKS nodes once: namespaces and idle add up to OpenCost, the rest of the EC2 line stays with platform", async () => {
    const day = new Date("2026-10-15T00:00:00Z");
    const [openCost] = await database.prisma.$queryRaw<Array<{ total: string }>>`
      SELECT SUM(total_cost)::text AS total FROM namespace_cost_daily WHERE day = ${day}::date`;
    const [carved] = await database.prisma.$queryRaw<Array<{ total: string }>>`
      SELECT SUM(amount)::text AS total FROM allocated_cost_daily WHERE day = ${day}::date AND cluster <> ''`;
    expect(new Decimal(carved!.total).toFixed(10)).toBe(new Decimal(openCost!.total).toFixed(10));
    const idle = await database.prisma.allocatedCostDaily.count({ where: { day, ownerType: "IDLE" } });
    expect(idle).toBe(sandbox.ctx.org.clusters.length);
    // The EC2 lines the nodes were carved from keep only what is not a node: carve + rest = the line.
    const [ec2] = await database.prisma.$queryRaw<Array<{ bill: string; allocated: string }>>`
      SELECT (SELECT SUM(unblended_cost) FROM cost_daily
              WHERE day = ${day}::date AND service = 'Amazon Elastic Compute Cloud - Compute')::text AS bill,
             (SELECT SUM(amount) FROM allocated_cost_daily
              WHERE day = ${day}::date AND service = 'Amazon Elastic Compute Cloud - Compute')::text AS allocated`;
    expect(ec2!.allocated).toBe(ec2!.bill);
  });

  it("caps the carve on restated recent days, where Cost Explorer shows less than OpenCost", async () => {
    const days = await expectReconciled({ from: "2026-11-17", to: TODAY });
    expect(days).toHaveLength(3);
  });

  it("writes identical rows when run again", async () => {
    const before = await dump();
    expect((await runAllocation()).status).toBe("SUCCEEDED");
    expect(await dump()).toEqual(before);
  });

  it("rewrites history after a rule change", async () => {
    const first = new Date("2025-11-01T00:00:00Z");
    const kubeSystem = () =>
      database.prisma.allocatedCostDaily.findMany({
        where: { day: first, namespace: "kube-system" },
        select: { ownerType: true, squad: true, rule: true },
        distinct: ["ownerType", "squad", "rule"],
      });
    expect(await kubeSystem()).toEqual([{ ownerType: "UNALLOCATED", squad: "", rule: "none" }]);
    const rule = await createOwnershipRule(
      database.prisma,
      { kind: "NAMESPACE", matchValue: "*/kube-system", squad: "platform" },
      "finops@example.com",
    );
    expect((await runAllocation()).status).toBe("SUCCEEDED");
    expect(await kubeSystem()).toEqual([{ ownerType: "SQUAD", squad: "platform", rule: "namespace" }]);
    await expectReconciled();
    await deleteOwnershipRule(database.prisma, { id: rule.id }, "finops@example.com");
    expect((await runAllocation({ from: "2025-11-01", to: "2025-12-01" })).status).toBe("SUCCEEDED");
    expect(await kubeSystem()).toEqual([{ ownerType: "UNALLOCATED", squad: "", rule: "none" }]);
    const audit = await database.prisma.auditEvent.findMany({
      where: { entityType: "ownership-rule", entityId: rule.id },
      select: { action: true, actor: true },
      orderBy: { id: "asc" },
    });
    expect(audit).toEqual([
      { action: "ownership-rule.create", actor: "finops@example.com" },
      { action: "ownership-rule.delete", actor: "finops@example.com" },
    ]);
  });

  it("splits shared costs across squads when the policy says so, still to the cent", async () => {
    const month = { from: "2026-09-01", to: "2026-10-01" };
    await saveAllocationSettings(database.prisma, { split: "proportional" }, "finops@example.com");
    try {
      expect((await runAllocation(month)).status).toBe("SUCCEEDED");
      const days = await expectReconciled(month);
      expect(days.every((day) => day.shared === "0")).toBe(true);
      const split = await database.prisma.allocatedCostDaily.count({
        where: { rule: "shared-split", day: { gte: new Date(month.from), lt: new Date(month.to) } },
      });
      expect(split).toBeGreaterThan(0);
    } finally {
      await saveAllocationSettings(database.prisma, defaultAllocationSettings, "finops@example.com");
      expect((await runAllocation(month)).status).toBe("SUCCEEDED");
    }
  });
});

describe("ownership rule editing", () => {
  it("rejects unknown squads and malformed match values with a clear message", async () => {
    const attempt = (input: unknown) => createOwnershipRule(database.prisma, input, "finops@example.com");
    await expect(attempt({ kind: "ACCOUNT", matchValue: "123456789012", squad: "nobody" })).rejects.toThrow(
      'No squad "nobody": create the squad first',
    );
    await expect(attempt({ kind: "ACCOUNT", matchValue: "12345", squad: "search" })).rejects.toThrow(
      "An account rule matches a 12-digit AWS account id",
    );
    await expect(attempt({ kind: "NAMESPACE", matchValue: "kube-system", squad: "search" })).rejects.toThrow(
      /"<cluster>\/<namespace>"/,
    );
    await expect(attempt({ kind: "BOGUS", matchValue: "x", squad: "search" })).rejects.toBeInstanceOf(
      OwnershipRuleError,
    );
  });

  it("updates a rule with an audit event holding before and after", async () => {
    const rule = await createOwnershipRule(
      database.prisma,
      { kind: "ACCOUNT", matchValue: "999999999999", squad: "search", priority: 5 },
      "alice",
    );
    await expect(
      createOwnershipRule(database.prisma, { kind: "ACCOUNT", matchValue: "999999999999", squad: "data" }, "alice"),
    ).rejects.toThrow(/already exists/);
    const updated = await updateOwnershipRule(
      database.prisma,
      { id: rule.id, kind: "ACCOUNT", matchValue: "999999999999", squad: "data", priority: 5 },
      "bob",
    );
    expect(updated).toMatchObject({ squad: "data", priority: 5 });
    const event = await database.prisma.auditEvent.findFirst({
      where: { entityId: rule.id, action: "ownership-rule.update" },
      select: { actor: true, before: true, after: true },
    });
    expect(event).toMatchObject({ actor: "bob", before: { squad: "search" }, after: { squad: "data" } });
    await deleteOwnershipRule(database.prisma, { id: rule.id }, "bob");
    await expect(deleteOwnershipRule(database.prisma, { id: rule.id }, "bob")).rejects.toThrow(/no longer exists/);
  });
});

describe("spend read models", () => {
  const window = { from: "2026-10-21", to: TODAY };

  it("squads + shared + idle + unallocated = the bill over a window, with the previous window", async () => {
    const spend = await getSquadsSpend(database.prisma, window);
    const parts = spend.squads
      .reduce((sum, squad) => sum.plus(squad.total), new Decimal(0))
      .plus(spend.shared)
      .plus(spend.idle)
      .plus(spend.unallocated);
    expect(parts.toFixed()).toBe(spend.bill);
    expect(spend.squads[0]!.total >= "0").toBe(true);
    const totals = spend.squads.map((squad) => new Decimal(squad.total));
    expect(totals.every((total, index) => index === 0 || total.lessThanOrEqualTo(totals[index - 1]!))).toBe(true);
    const checkout = spend.squads.find((squad) => squad.slug === "checkout")!;
    expect(new Decimal(checkout.previousTotal).greaterThan(0)).toBe(true);
    expect(checkout.change).not.toBeNull();
  });

  it("one squad's spend by namespace and by service adds up to its total, every day present", async () => {
    const spend = await getSquadsSpend(database.prisma, window);
    const checkoutTotal = spend.squads.find((squad) => squad.slug === "checkout")!.total;
    for (const groupBy of ["namespace", "service"] as const) {
      const squad = (await getSquadSpend(database.prisma, "checkout", { ...window, groupBy }))!;
      expect(squad.total).toBe(checkoutTotal);
      expect(squad.days).toHaveLength(30);
      expect(squad.groups.reduce((sum, group) => sum.plus(group.total), new Decimal(0)).toFixed()).toBe(squad.total);
      for (const day of squad.days) {
        expect(
          Object.values(day.groups)
            .reduce((sum, value) => sum.plus(value), new Decimal(0))
            .toFixed(),
        ).toBe(day.total);
      }
    }
    expect(await getSquadSpend(database.prisma, "nobody", { ...window, groupBy: "service" })).toBeNull();
  });

  it("the stacked daily series add up to each day's bill", async () => {
    const series = await getDailySpendBySquad(database.prisma, window);
    expect(series.squads.slice(-3)).toEqual(["shared", "idle", "unallocated"]);
    const { days } = await getReconciliation(database.prisma, window);
    const bills = new Map(days.map((day) => [day.day, day.bill]));
    for (const day of series.days) {
      expect(
        Object.values(day.values)
          .reduce((sum, value) => sum.plus(value), new Decimal(0))
          .toFixed(),
      ).toBe(bills.get(day.day));
    }
  });

  it("tag coverage: the owned share, amounts by rule, and the worst offenders first", async () => {
    const coverage = await getTagCoverage(database.prisma, window);
    expect(Number(coverage.ownedShare)).toBeGreaterThan(0.5);
    expect(Number(coverage.ownedShare)).toBeLessThan(1);
    expect(coverage.byRule.map((rule) => rule.rule)).toEqual(expect.arrayContaining(["team-tag", "namespace", "idle"]));
    const worst = coverage.worstAccounts.map((account) => new Decimal(account.unallocated));
    expect(worst.length).toBeGreaterThan(0);
    expect(worst.every((value, index) => index === 0 || value.lessThanOrEqualTo(worst[index - 1]!))).toBe(true);
    expect(coverage.worstServices[0]).toMatchObject({ accountId: expect.stringMatching(/^\d{12}$/) });
  });

  it("shares NAT gateways by default: every NAT dollar Cost Explorer reported is on the shared line", async () => {
    const [nat] = await database.prisma.$queryRaw<Array<{ total: string }>>`
      SELECT SUM(unblended_cost)::text AS total FROM cost_daily
      WHERE usage_group = 'NAT Gateway' AND day >= ${new Date(window.from)}::date AND day < ${new Date(window.to)}::date`;
    expect(Number(nat!.total)).toBeGreaterThan(0);
    const coverage = await getTagCoverage(database.prisma, window);
    const shared = coverage.sharedByService.find((row) => row.service === "EC2 - Other (NAT Gateway)");
    expect(shared).toBeDefined();
    expect(new Decimal(shared!.kept).toFixed()).toBe(new Decimal(nat!.total).toFixed());
    expect(new Decimal(shared!.split).isZero()).toBe(true);
  });
});
