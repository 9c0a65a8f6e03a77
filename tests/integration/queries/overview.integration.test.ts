import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Decimal } from "@/lib/db/decimal";
import { getOverview } from "@/lib/queries/overview";
import { listSquads } from "@/lib/queries/squad-list";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});

function costRow(day: string, team: string, amount: string) {
  return {
    day: new Date(`${day}T00:00:00Z`),
    accountId: "111122223333",
    service: "Amazon Elastic Compute Cloud - Compute",
    teamTag: team,
    unblendedCost: new Decimal(amount),
    amortizedCost: new Decimal(amount),
  };
}

describe("overview read model", () => {
  it("is null before any cost data exists (the page shows its empty state)", async () => {
    expect(await getOverview(database.prisma)).toBeNull();
  });

  it("sums the last 30 days exactly, to the sub-cent", async () => {
    const rows = [];
    for (let day = 1; day <= 31; day += 1) {
      const iso = `2026-10-${String(day).padStart(2, "0")}`;
      rows.push(costRow(iso, "checkout", "0.1000000001"), costRow(iso, "", "0.2000000002"));
    }
    await database.prisma.costDaily.createMany({ data: rows });
    const overview = await getOverview(database.prisma);
    expect(overview?.window).toEqual({ from: "2026-10-02", to: "2026-11-01" });
    expect(overview?.days).toHaveLength(30);
    expect(overview?.total).toBe("9.000000009");
    expect(overview?.latest).toEqual({ day: "2026-10-31", amount: "0.3000000003" });
    expect(overview?.dailyAverage).toBe("0.3000000003");
  });

  it("rejects a second row with the same natural key, so ingest must upsert", async () => {
    await database.prisma.costDaily.create({ data: costRow("2026-10-01", "checkout", "1") });
    await expect(
      database.prisma.costDaily.create({ data: costRow("2026-10-01", "checkout", "2") }),
    ).rejects.toMatchObject({
      code: "P2002",
    });
  });

  it("lists squads with their tagged spend over the window", async () => {
    await database.prisma.squad.create({ data: { slug: "checkout", name: "Checkout", costCentre: "CC-1040" } });
    await database.prisma.squad.create({ data: { slug: "search", name: "Search" } });
    await database.prisma.costDaily.createMany({
      data: [
        costRow("2026-10-30", "checkout", "10.005"),
        costRow("2026-10-31", "checkout", "0.005"),
        costRow("2026-10-31", "", "99"),
      ],
    });
    const squads = await listSquads(database.prisma, { from: "2026-10-01", to: "2026-11-01" });
    expect(squads).toEqual([
      { slug: "checkout", name: "Checkout", costCentre: "CC-1040", taggedSpend: "10.01" },
      { slug: "search", name: "Search", costCentre: null, taggedSpend: "0" },
    ]);
  });
});
