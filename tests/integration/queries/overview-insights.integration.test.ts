import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Decimal } from "@/lib/db/decimal";
import { addDays, fromIsoDay } from "@/lib/format/dates";
import { getOverview } from "@/lib/queries/overview";
import { getSquadInsights } from "@/lib/queries/squad-insights";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});

const account = "111122223333";

function bill(day: string, amount: string) {
  return {
    day: fromIsoDay(day),
    accountId: account,
    service: "Amazon Elastic Compute Cloud - Compute",
    unblendedCost: new Decimal(amount),
    amortizedCost: new Decimal(amount),
  };
}

function allocated(day: string, squad: string, amount: string, extra: { namespace?: string; service?: string } = {}) {
  return {
    day: fromIsoDay(day),
    ownerType: "SQUAD" as const,
    squad,
    accountId: account,
    service: extra.service ?? "Amazon Elastic Compute Cloud - Compute",
    cluster: extra.namespace ? "prod-eks" : "",
    namespace: extra.namespace ?? "",
    rule: extra.namespace ? "namespace" : "team-tag",
    amount: new Decimal(amount),
  };
}

function recommendation(
  resourceId: string,
  type: "RIGHTSIZING" | "ZOMBIE_INSTANCE",
  saving: string,
  squadId: string,
  status: "OPEN" | "IN_PROGRESS" | "DISMISSED" = "OPEN",
) {
  return {
    type,
    status,
    resourceId,
    accountId: account,
    region: "eu-west-1",
    squadId,
    currentMonthlyCost: new Decimal(saving),
    projectedMonthlyCost: new Decimal(0),
    monthlySaving: new Decimal(saving),
    evidence: {},
    evidenceHash: `${type}-${resourceId}`,
  };
}

describe("overview insights", () => {
  it("compares month-to-date with the same days last month and forecasts the month", async () => {
    const rows = [];
    // October: 10.00 a day; November 1-14: 12.50 a day.
    for (let day = "2026-10-01"; day <= "2026-10-31"; day = addDays(day, 1)) rows.push(bill(day, "10"));
    for (let day = "2026-11-01"; day <= "2026-11-14"; day = addDays(day, 1)) rows.push(bill(day, "12.5"));
    await database.prisma.costDaily.createMany({ data: rows });
    const overview = await getOverview(database.prisma);
    expect(overview?.monthToDate).toEqual({
      from: "2026-11-01",
      to: "2026-11-15",
      total: "175",
      previousFrom: "2026-10-01",
      previousTo: "2026-10-15",
      previousTotal: "140",
    });
    expect(overview?.forecast).toMatchObject({ month: "2026-11", actual: "175", daysElapsed: 14, daysInMonth: 30 });
    expect(new Decimal(overview!.forecast.forecast).greaterThan("375")).toBe(true);
    expect(overview?.week).toEqual({ from: "2026-11-08", to: "2026-11-15" });
  });

  it("shows Cost Explorer's stored forecast beside the trend: actuals plus the forecast of the rest", async () => {
    const rows = [];
    for (let day = "2026-10-01"; day <= "2026-11-14"; day = addDays(day, 1)) rows.push(bill(day, "10"));
    await database.prisma.costDaily.createMany({ data: rows });
    expect((await getOverview(database.prisma))?.costExplorerForecast).toBeNull();
    const forecast = (asOf: string, start: string, end: string, mean: string, lower: string, upper: string) => ({
      asOf: fromIsoDay(asOf),
      periodStart: fromIsoDay(start),
      periodEnd: fromIsoDay(end),
      metric: "UNBLENDED_COST",
      meanAmount: new Decimal(mean),
      lowerBound: new Decimal(lower),
      upperBound: new Decimal(upper),
      predictionIntervalLevel: 80,
    });
    await database.prisma.costForecast.createMany({
      data: [
        forecast("2026-11-12", "2026-11-12", "2026-12-01", "200", "180", "220"),
        forecast("2026-11-15", "2026-11-15", "2026-12-01", "165.5", "150", "181"),
        forecast("2026-11-15", "2026-12-01", "2027-01-01", "320", "290", "350"),
      ],
    });
    const overview = await getOverview(database.prisma);
    expect(overview?.forecast.source).toBe("costlens-trend");
    expect(overview?.costExplorerForecast).toEqual({
      source: "cost-explorer",
      month: "2026-11",
      asOf: "2026-11-15",
      actual: "140",
      actualTo: "2026-11-15",
      rest: "165.5",
      forecast: "305.5",
      lower: "290",
      upper: "321",
      intervalLevel: 80,
      nextMonth: { month: "2026-12", forecast: "320", lower: "290", upper: "350" },
    });
  });

  it("totals open waste once per resource and realised savings from pull requests", async () => {
    await database.prisma.costDaily.create({ data: bill("2026-11-14", "1") });
    const squad = await database.prisma.squad.create({
      data: { slug: "checkout", name: "Checkout" },
      select: { id: true },
    });
    const rightsizing = await database.prisma.recommendation.create({
      data: recommendation("i-1", "RIGHTSIZING", "40.10", squad.id),
      select: { id: true },
    });
    await database.prisma.recommendation.createMany({
      data: [
        recommendation("i-1", "ZOMBIE_INSTANCE", "120.25", squad.id), // same resource: only the larger counts
        recommendation("vol-2", "ZOMBIE_INSTANCE", "9.995", squad.id, "IN_PROGRESS"),
        recommendation("i-3", "ZOMBIE_INSTANCE", "1000", squad.id, "DISMISSED"),
      ],
    });
    await database.prisma.pullRequest.create({
      data: {
        repo: "acme/infra",
        number: 1,
        branch: "b",
        title: "t",
        state: "MERGED",
        type: "RIGHTSIZING",
        rootModule: "envs/prod",
        createdBy: "e",
        projectedSaving: new Decimal("40.10"),
        realisedSaving: new Decimal("38.0000000001"),
        items: {
          create: {
            recommendationId: rightsizing.id,
            projectedSaving: new Decimal("40.10"),
            realisedSaving: new Decimal("38.0000000001"),
          },
        },
      },
    });
    const overview = await getOverview(database.prisma);
    expect(overview?.waste).toEqual({
      openMonthlySaving: "130.245",
      openFindings: 3,
      resources: 2,
      realisedMonthlySaving: "38.0000000001",
      realisedPullRequests: 1,
    });
  });

  it("ranks this week's movers by the size of their change, either way", async () => {
    await database.prisma.costDaily.create({ data: bill("2026-11-14", "1") });
    await database.prisma.squad.createMany({
      data: [
        { slug: "checkout", name: "Checkout" },
        { slug: "search", name: "Search" },
      ],
    });
    // the movers read the daily rollup the allocation job writes beside its rows
    const squadDay = (day: string, squad: string, amount: string) => ({
      day: new Date(`${day}T00:00:00Z`),
      ownerType: "SQUAD" as const,
      squad,
      amount: new Decimal(amount),
    });
    await database.prisma.ownerSpendDaily.createMany({
      data: [
        squadDay("2026-11-03", "checkout", "100"),
        squadDay("2026-11-10", "checkout", "130"),
        squadDay("2026-11-03", "search", "300"),
        squadDay("2026-11-12", "search", "200.5"),
        squadDay("2026-10-01", "search", "999"), // outside both weeks
      ],
    });
    const overview = await getOverview(database.prisma);
    expect(overview?.topMovers).toEqual([
      { slug: "search", name: "Search", current: "200.5", previous: "300", change: "-99.5" },
      { slug: "checkout", name: "Checkout", current: "130", previous: "100", change: "30" },
    ]);
  });
});

describe("squad insights", () => {
  it("lists the squad's namespaces with cost-weighted efficiency, its anomalies and open recommendations", async () => {
    const squad = await database.prisma.squad.create({
      data: { slug: "checkout", name: "Checkout" },
      select: { id: true },
    });
    const other = await database.prisma.squad.create({
      data: { slug: "search", name: "Search" },
      select: { id: true },
    });
    const rows = [];
    for (let day = "2026-10-01"; day <= "2026-10-31"; day = addDays(day, 1)) {
      const spike = day === "2026-10-25";
      rows.push(allocated(day, "checkout", spike ? "300" : "100", { namespace: "checkout-api" }));
      rows.push(allocated(day, "checkout", day.endsWith("2") ? "21" : "20", { service: "Amazon RDS" }));
    }
    await database.prisma.allocatedCostDaily.createMany({ data: rows });
    await database.prisma.namespaceCostDaily.createMany({
      data: [
        {
          day: fromIsoDay("2026-10-20"),
          cluster: "prod-eks",
          namespace: "checkout-api",
          cpuCost: new Decimal(30),
          ramCost: new Decimal(10),
          pvCost: new Decimal(0),
          networkCost: new Decimal(0),
          loadBalancerCost: new Decimal(0),
          sharedCost: new Decimal(0),
          totalCost: new Decimal(40),
          cpuEfficiency: 0.2,
          ramEfficiency: 0.5,
        },
        {
          day: fromIsoDay("2026-10-21"),
          cluster: "prod-eks",
          namespace: "checkout-api",
          cpuCost: new Decimal(10),
          ramCost: new Decimal(10),
          pvCost: new Decimal(0),
          networkCost: new Decimal(0),
          loadBalancerCost: new Decimal(0),
          sharedCost: new Decimal(0),
          totalCost: new Decimal(20),
          cpuEfficiency: 0.6,
          ramEfficiency: null,
        },
        {
          day: fromIsoDay("2026-10-21"),
          cluster: "prod-eks",
          namespace: "search",
          cpuCost: new Decimal(10),
          ramCost: new Decimal(10),
          pvCost: new Decimal(0),
          networkCost: new Decimal(0),
          loadBalancerCost: new Decimal(0),
          sharedCost: new Decimal(0),
          totalCost: new Decimal(20),
          cpuEfficiency: 0.9,
          ramEfficiency: 0.9,
        },
      ],
    });
    await database.prisma.recommendation.createMany({
      data: [
        recommendation("i-1", "ZOMBIE_INSTANCE", "50", squad.id),
        recommendation("i-2", "RIGHTSIZING", "75", squad.id, "IN_PROGRESS"),
        recommendation("i-3", "ZOMBIE_INSTANCE", "500", squad.id, "DISMISSED"),
        recommendation("i-4", "ZOMBIE_INSTANCE", "500", other.id),
      ],
    });

    const insights = await getSquadInsights(database.prisma, "checkout", { from: "2026-10-16", to: "2026-11-01" });
    expect(insights.namespaces).toHaveLength(1);
    expect(insights.namespaces[0]).toMatchObject({ cluster: "prod-eks", namespace: "checkout-api", cost: "1800" });
    expect(insights.namespaces[0]?.cpuEfficiency).toBeCloseTo((0.2 * 30 + 0.6 * 10) / 40, 10);
    expect(insights.namespaces[0]?.ramEfficiency).toBeCloseTo(0.5, 10);
    expect(insights.anomalies.map((anomaly) => anomaly.day)).toEqual(["2026-10-25"]);
    expect(insights.anomalies[0]?.driver).toMatchObject({
      kind: "namespace",
      key: "prod-eks/checkout-api",
      amount: "300",
    });
    expect(insights.recommendations.map((row) => [row.resourceId, row.monthlySaving])).toEqual([
      ["i-2", "75"],
      ["i-1", "50"],
    ]);
  });
});
