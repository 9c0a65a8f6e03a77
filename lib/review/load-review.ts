// Loads the facts of one month from the database and turns them into the review's figures. Reads go
// through the shared read models where they fit (daily Cost Explorer totals, tag coverage) and plain SQL
// over allocated_cost_daily where the review needs calendar months rather than rolling windows.
import type { PrismaClient } from "../db/generated/client";
import { addDays, fromIsoDay, todayUtc, type IsoDay } from "../format/dates";
import { getDailySpend, type DailySpend } from "../queries/daily-spend";
import { TREND_DAYS } from "../queries/forecast";
import { getTagCoverage, type TagCoverage } from "../queries/spend/get-tag-coverage";
import { monthCoverage, type MonthCoverage } from "./month-coverage";
import { compare, sumAmounts, type Comparison } from "./month-over-month";
import { realisedSavings, type RealisedSavings, type ReviewPullRequest } from "./realised-savings";
import { monthBounds, nextMonth, previousMonth, type MonthBounds } from "./review-month";
import {
  squadMonthSpend,
  topMovers,
  type MonthMover,
  type SquadDriverSpend,
  type SquadMonthSpend,
} from "./squad-movers";
import { findMonthForecast, type StoredForecast } from "./stored-forecast";
import { projectMonth } from "./trend-forecast";
import {
  cleanUpLeaderboard,
  wasteFound,
  type LeaderboardRow,
  type ReviewRecommendation,
  type WasteFound,
} from "./waste-figures";

export type MonthForecastComparison =
  { source: "cost-explorer"; forecast: StoredForecast; versusActual: Comparison } | { source: "none" };

export type NextMonthForecast =
  | { source: "cost-explorer"; month: MonthBounds; forecast: StoredForecast }
  | { source: "costlens-trend"; month: MonthBounds; amount: string; trendDays: number; lastDay: IsoDay };

export interface OwnerTotals {
  /** Cost Explorer's total for the month */
  bill: string;
  squads: string;
  shared: string;
  idle: string;
  unallocated: string;
  /** days of the month that allocation has run over */
  allocatedDays: number;
}

export interface MonthlyReview {
  month: MonthBounds;
  previous: MonthBounds;
  coverage: MonthCoverage;
  previousCoverage: MonthCoverage;
  /** the month's daily Cost Explorer totals */
  daily: DailySpend[];
  total: Comparison;
  forecast: MonthForecastComparison;
  owners: OwnerTotals;
  squads: SquadMonthSpend[];
  movers: MonthMover[];
  tagCoverage: TagCoverage;
  waste: WasteFound;
  savings: RealisedSavings;
  leaderboard: LeaderboardRow[];
  /** squad slug to display name */
  squadNames: Record<string, string>;
  nextForecast: NextMonthForecast;
}

export type LoadedReview =
  { status: "empty"; month: MonthBounds; coverage: MonthCoverage } | ({ status: "ready" } & MonthlyReview);

type Amount = { toString(): string };

async function squadDrivers(prisma: PrismaClient, month: MonthBounds, previous: MonthBounds) {
  const rows = await prisma.$queryRaw<
    Array<{ squad: string; kind: "namespace" | "service"; key: string; current: Amount; previous: Amount }>
  >`
    SELECT squad,
           CASE WHEN namespace <> '' THEN 'namespace' ELSE 'service' END AS kind,
           CASE WHEN namespace <> '' THEN cluster || '/' || namespace ELSE service END AS key,
           COALESCE(SUM(amount) FILTER (WHERE day >= ${fromIsoDay(month.from)}::date), 0) AS current,
           COALESCE(SUM(amount) FILTER (WHERE day < ${fromIsoDay(month.from)}::date), 0) AS previous
    FROM allocated_cost_daily
    WHERE owner_type = 'SQUAD' AND day >= ${fromIsoDay(previous.from)}::date AND day < ${fromIsoDay(month.to)}::date
    GROUP BY 1, 2, 3`;
  return rows.map((row): SquadDriverSpend => ({
    squad: row.squad,
    kind: row.kind,
    key: row.key,
    current: row.current.toString(),
    previous: row.previous.toString(),
  }));
}

async function ownerTotals(prisma: PrismaClient, month: MonthBounds) {
  const [row] = await prisma.$queryRaw<
    Array<{
      squads: Amount | null;
      shared: Amount | null;
      idle: Amount | null;
      unallocated: Amount | null;
      days: bigint;
    }>
  >`
    SELECT SUM(amount) FILTER (WHERE owner_type = 'SQUAD') AS squads,
           SUM(amount) FILTER (WHERE owner_type = 'SHARED') AS shared,
           SUM(amount) FILTER (WHERE owner_type = 'IDLE') AS idle,
           SUM(amount) FILTER (WHERE owner_type = 'UNALLOCATED') AS unallocated,
           COUNT(DISTINCT day) AS days
    FROM allocated_cost_daily
    WHERE day >= ${fromIsoDay(month.from)}::date AND day < ${fromIsoDay(month.to)}::date`;
  const text = (value: Amount | null | undefined) => sumAmounts([value?.toString() ?? "0"]).toFixed();
  return {
    squads: text(row?.squads),
    shared: text(row?.shared),
    idle: text(row?.idle),
    unallocated: text(row?.unallocated),
    allocatedDays: Number(row?.days ?? 0),
  };
}

async function recommendations(prisma: PrismaClient): Promise<ReviewRecommendation[]> {
  const rows = await prisma.recommendation.findMany({
    select: {
      id: true,
      type: true,
      status: true,
      accountId: true,
      region: true,
      resourceId: true,
      monthlySaving: true,
      detectedAt: true,
      resolvedAt: true,
      squad: { select: { slug: true } },
    },
    orderBy: { id: "asc" },
  });
  return rows.map(({ squad, monthlySaving, ...row }) => ({
    ...row,
    squad: squad?.slug ?? null,
    monthlySaving: monthlySaving.toFixed(),
  }));
}

async function pullRequests(prisma: PrismaClient, month: MonthBounds): Promise<ReviewPullRequest[]> {
  const rows = await prisma.pullRequest.findMany({
    where: {
      OR: [{ mergedAt: { lt: fromIsoDay(month.to) } }, { realisedAt: { lt: fromIsoDay(month.to) } }],
    },
    select: {
      id: true,
      title: true,
      repo: true,
      number: true,
      url: true,
      mergedAt: true,
      realisedAt: true,
      projectedSaving: true,
      realisedSaving: true,
    },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({
    ...row,
    projectedSaving: row.projectedSaving.toFixed(),
    realisedSaving: row.realisedSaving?.toFixed() ?? null,
  }));
}

async function nextMonthForecast(
  prisma: PrismaClient,
  month: MonthBounds,
  history: readonly DailySpend[],
  lastDay: IsoDay,
): Promise<NextMonthForecast> {
  const next = nextMonth(month.month);
  const stored = await findMonthForecast(prisma, next, addDays(next.to, -1));
  if (stored) return { source: "cost-explorer", month: next, forecast: stored };
  return { source: "costlens-trend", month: next, ...projectMonth(history, lastDay, next) };
}

/** The review of `month` ("YYYY-MM"); `today` decides whether the month is still in progress. */
export async function loadReview(
  prisma: PrismaClient,
  month: string,
  today: IsoDay = todayUtc(),
): Promise<LoadedReview> {
  const bounds = monthBounds(month);
  const previous = previousMonth(month);
  const earliest = [previous.from, addDays(bounds.to, -TREND_DAYS)].sort()[0]!;
  const history = await getDailySpend(prisma, { from: earliest, to: bounds.to });
  const dataDays = history.map((day) => day.day);
  const coverage = monthCoverage(bounds, dataDays, today);
  if (coverage.status === "empty") return { status: "empty", month: bounds, coverage };

  const window = { from: bounds.from, to: bounds.to };
  const [drivers, owners, tagCoverage, squads, recs, prs, forecast] = await Promise.all([
    squadDrivers(prisma, bounds, previous),
    ownerTotals(prisma, bounds),
    getTagCoverage(prisma, window, { limit: 5 }),
    prisma.squad.findMany({ select: { slug: true, name: true } }),
    recommendations(prisma),
    pullRequests(prisma, bounds),
    findMonthForecast(prisma, bounds, bounds.from),
  ]);
  const names = new Map(squads.map((squad) => [squad.slug, squad.name]));
  const inMonth = history.filter((day) => day.day >= bounds.from);
  const bill = sumAmounts(inMonth.map((day) => day.amount));
  const previousBill = sumAmounts(
    history.filter((day) => day.day < previous.to && day.day >= previous.from).map((day) => day.amount),
  );
  const lastDay = coverage.lastDay!;
  return {
    status: "ready",
    month: bounds,
    previous,
    coverage,
    previousCoverage: monthCoverage(previous, dataDays, today),
    daily: inMonth,
    total: compare(bill, previousBill),
    forecast: forecast
      ? { source: "cost-explorer", forecast, versusActual: compare(bill, forecast.mean) }
      : { source: "none" },
    owners: { bill: bill.toFixed(), ...owners },
    squads: squadMonthSpend(drivers, names),
    movers: topMovers(drivers, names),
    tagCoverage,
    waste: wasteFound(recs, bounds),
    savings: realisedSavings(prs, bounds),
    leaderboard: cleanUpLeaderboard(recs, bounds),
    squadNames: Object.fromEntries(names),
    nextForecast: await nextMonthForecast(prisma, bounds, history, lastDay),
  };
}
