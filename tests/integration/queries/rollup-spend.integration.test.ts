// The allocation job's daily rollups over sandbox data ingested by the real jobs: owner_spend_daily equals the
// allocated rows summed per day per owner and bill_daily equals cost_daily's daily total, exactly, after a
// first run, after a rule change rewrites history, and after an upgrade (rollups missing) with a windowed run.
// The read models built on them still match the fine-grained tables. PGlite, and Postgres when
// TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocationJob } from "@/jobs/allocation";
import { createOwnershipRule } from "@/lib/allocation/ownership-rules";
import { Decimal } from "@/lib/db/decimal";
import { runJob } from "@/lib/jobs/run-job";
import { getDailySpend } from "@/lib/queries/daily-spend";
import { getDailySpendBySquad } from "@/lib/queries/spend/get-daily-spend-by-squad";
import { getSquadSpend } from "@/lib/queries/spend/get-squad-spend";
import { getSquadsSpend } from "@/lib/queries/spend/get-squads-spend";
import { getTopMovers } from "@/lib/queries/spend/get-top-movers";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { ingestSandbox } from "../allocation/ingest-sandbox";

const TODAY = "2026-11-20";
const WINDOW = { from: "2026-10-21", to: "2026-11-20" };
let sandbox: TestSandbox;
let database: TestDatabase;

const runAllocation = (window?: { from: string; to: string }) =>
  runJob(database.prisma, allocationJob, { trigger: "cli", holder: "test", ...(window ? { window } : {}) });

/** Owner rollup rows that differ from the allocated rows' sums (either side missing counts): none expected. */
async function ownerMismatches() {
  return database.prisma.$queryRaw<Array<{ day: Date; owner: string; squad: string }>>`
    SELECT COALESCE(r.day, f.day) AS day, COALESCE(r.owner_type, f.owner_type)::text AS owner,
           COALESCE(r.squad, f.squad) AS squad
    FROM owner_spend_daily r
    FULL OUTER JOIN (
      SELECT day, owner_type, squad, SUM(amount) AS amount FROM allocated_cost_daily GROUP BY day, owner_type, squad
    ) f ON f.day = r.day AND f.owner_type = r.owner_type AND f.squad = r.squad
    WHERE r.amount IS DISTINCT FROM f.amount`;
}

/** bill_daily days that differ from cost_daily's daily total (either side missing counts): none expected. */
async function billMismatches() {
  return database.prisma.$queryRaw<Array<{ day: Date }>>`
    SELECT COALESCE(b.day, c.day) AS day
    FROM bill_daily b
    FULL OUTER JOIN (SELECT day, SUM(unblended_cost) AS amount FROM cost_daily GROUP BY day) c ON c.day = b.day
    WHERE b.amount IS DISTINCT FROM c.amount`;
}

async function expectRollupsExact() {
  expect(await ownerMismatches()).toEqual([]);
  expect(await billMismatches()).toEqual([]);
  const [counts] = await database.prisma.$queryRaw<Array<{ owners: bigint; days: bigint }>>`
    SELECT (SELECT COUNT(*) FROM owner_spend_daily) AS owners, (SELECT COUNT(*) FROM bill_daily) AS days`;
  expect(Number(counts!.days)).toBeGreaterThan(60);
  expect(Number(counts!.owners)).toBeGreaterThan(Number(counts!.days));
}

const platformOn = async (day: string) =>
  (
    await database.prisma.ownerSpendDaily.findUnique({
      where: { day_ownerType_squad: { day: new Date(`${day}T00:00:00Z`), ownerType: "SQUAD", squad: "platform" } },
    })
  )?.amount.toFixed() ?? "0";

beforeAll(async () => {
  sandbox = await startTestSandbox({ today: TODAY, months: 3 });
  database = await createTestDatabase();
  await ingestSandbox(database.prisma, sandbox, TODAY);
}, 600_000);

afterAll(async () => {
  await database?.drop();
  await sandbox?.close();
});

describe("daily spend rollups", () => {
  it("equal the allocated rows per owner and cost_daily per day, to the last decimal, after allocation", async () => {
    expect((await runAllocation()).status).toBe("SUCCEEDED");
    await expectRollupsExact();
  });

  it("are rewritten when a rule change recomputes history", async () => {
    const firstDay = (await database.prisma.billDaily.findFirst({ orderBy: { day: "asc" } }))!.day;
    const day = firstDay.toISOString().slice(0, 10);
    const before = await platformOn(day);
    await createOwnershipRule(
      database.prisma,
      { kind: "NAMESPACE", matchValue: "*/kube-system", squad: "platform" },
      "finops@example.com",
    );
    expect((await runAllocation()).status).toBe("SUCCEEDED");
    expect(new Decimal(await platformOn(day)).greaterThan(before)).toBe(true);
    await expectRollupsExact();
  });

  it("are filled for days allocated before they existed by the next run, even a windowed one", async () => {
    await database.prisma.ownerSpendDaily.deleteMany({});
    await database.prisma.billDaily.deleteMany({});
    const run = await runAllocation({ from: "2026-11-01", to: TODAY });
    expect(run.status).toBe("SUCCEEDED");
    await expectRollupsExact();
  });

  it("feed read models that match the fine-grained tables", async () => {
    const fine = await database.prisma.$queryRaw<Array<{ bill: string; squads: string }>>`
      SELECT (SELECT SUM(unblended_cost)::text FROM cost_daily WHERE day >= '2026-10-21' AND day < '2026-11-20') AS bill,
             (SELECT SUM(amount)::text FROM allocated_cost_daily
               WHERE owner_type = 'SQUAD' AND day >= '2026-10-21' AND day < '2026-11-20') AS squads`;
    const spend = await getSquadsSpend(database.prisma, WINDOW);
    expect(spend.bill).toBe(new Decimal(fine[0]!.bill).toFixed());
    const squadTotal = spend.squads.reduce((total, squad) => total.plus(squad.total), new Decimal(0));
    expect(squadTotal.toFixed()).toBe(new Decimal(fine[0]!.squads).toFixed());
    const series = await getDailySpendBySquad(database.prisma, WINDOW);
    const bills = await getDailySpend(database.prisma, WINDOW);
    expect(bills).toHaveLength(30);
    for (const [index, day] of series.days.entries()) {
      const owners = Object.values(day.values).reduce((total, value) => total.plus(value), new Decimal(0));
      expect(owners.toFixed()).toBe(new Decimal(bills[index]!.amount).toFixed());
    }
    const [checkoutBefore] = await database.prisma.$queryRaw<Array<{ total: string }>>`
      SELECT SUM(amount)::text AS total FROM allocated_cost_daily
      WHERE owner_type = 'SQUAD' AND squad = 'checkout' AND day >= '2026-09-21' AND day < '2026-10-21'`;
    const checkout = await getSquadSpend(database.prisma, "checkout", { ...WINDOW, groupBy: "service" });
    expect(checkout!.previousTotal).toBe(new Decimal(checkoutBefore!.total).toFixed());
    expect(spend.squads.find((squad) => squad.slug === "checkout")!.previousTotal).toBe(checkout!.previousTotal);
    const week = { from: "2026-11-13", to: TODAY };
    const weeks = await database.prisma.$queryRaw<Array<{ slug: string; current: string; previous: string }>>`
      SELECT squad AS slug,
             COALESCE(SUM(amount) FILTER (WHERE day >= '2026-11-13'), 0)::text AS current,
             COALESCE(SUM(amount) FILTER (WHERE day < '2026-11-13'), 0)::text AS previous
      FROM allocated_cost_daily
      WHERE owner_type = 'SQUAD' AND day >= '2026-11-06' AND day < '2026-11-20'
      GROUP BY squad`;
    const movers = await getTopMovers(database.prisma, week, weeks.length);
    expect(movers).toHaveLength(weeks.length);
    for (const mover of movers) {
      const fineWeek = weeks.find((row) => row.slug === mover.slug)!;
      expect([mover.current, mover.previous]).toEqual([
        new Decimal(fineWeek.current).toString(),
        new Decimal(fineWeek.previous).toString(),
      ]);
    }
    const changes = movers.map((mover) => new Decimal(mover.change).abs());
    for (let index = 1; index < changes.length; index++) {
      expect(changes[index - 1]!.greaterThanOrEqualTo(changes[index]!)).toBe(true);
    }
  });

  it("still show a day ingested after the last allocation, from cost_daily", async () => {
    await database.prisma.costDaily.create({
      data: {
        day: new Date(`${TODAY}T00:00:00Z`),
        accountId: "111122223333",
        service: "Amazon Simple Storage Service",
        unblendedCost: new Decimal("12.3456789"),
        amortizedCost: new Decimal("12.3456789"),
      },
    });
    const days = await getDailySpend(database.prisma, { from: "2026-11-19", to: "2026-11-21" });
    expect(days.map((day) => day.day)).toEqual(["2026-11-19", TODAY]);
    expect(days[1]!.amount).toBe("12.3456789");
  });
});
