// The Overview page's figures: the last 30 days of the bill, month-to-date against the same days of last
// month, the month's forecast (Cost Explorer's and our own trend), this week's top movers among squads, the
// open waste and the savings realised by merged pull requests.
import type { PrismaClient } from "../db/generated/client";
import { Decimal } from "../db/decimal";
import { addDays, fromIsoDay, toIsoDay, type IsoDay } from "../format/dates";
import { getDailySpend, getLatestSpendWindow, type DailySpend, type SpendWindow } from "./daily-spend";
import { getTopMovers } from "./spend/get-top-movers";
import {
  costExplorerMonthForecast,
  forecastMonth,
  monthOf,
  TREND_DAYS,
  type CostExplorerMonthForecast,
  type MonthForecast,
  type StoredCostForecast,
} from "./forecast";

export interface MonthToDate {
  /** this month so far: from the 1st through the newest cost day (to exclusive) */
  from: IsoDay;
  to: IsoDay;
  total: string;
  /** the same days of last month (clamped to its end) */
  previousFrom: IsoDay;
  previousTo: IsoDay;
  previousTotal: string;
}

export interface SquadMover {
  slug: string;
  name: string;
  /** the last 7 days ending with the newest cost day */
  current: string;
  /** the 7 days before */
  previous: string;
  change: string;
}

export interface WasteSummary {
  /** monthly saving of open and in-progress findings, counting each resource once (its largest saving) */
  openMonthlySaving: string;
  openFindings: number;
  resources: number;
  /** monthly savings of merged pull requests whose saving was measured */
  realisedMonthlySaving: string;
  realisedPullRequests: number;
}

export interface Overview {
  window: SpendWindow;
  days: DailySpend[];
  total: string;
  dailyAverage: string;
  latest: DailySpend;
  monthToDate: MonthToDate;
  /** our own trend */
  forecast: MonthForecast;
  /** Cost Explorer's, when the cost-explorer job has stored one for this month */
  costExplorerForecast: CostExplorerMonthForecast | null;
  week: SpendWindow;
  topMovers: SquadMover[];
  waste: WasteSummary;
}

type Amount = { toString(): string };

const sum = (days: readonly DailySpend[], from: IsoDay, to: IsoDay) =>
  days
    .filter((day) => day.day >= from && day.day < to)
    .reduce((total, day) => total.plus(day.amount), new Decimal(0))
    .toString();

/** The same days of the previous month: its 1st plus as many days as this month has had, at most to its end. */
export function sameDaysLastMonth(from: IsoDay, to: IsoDay): { from: IsoDay; to: IsoDay } {
  const previous = monthOf(addDays(from, -1));
  const elapsed = Math.round((fromIsoDay(to).getTime() - fromIsoDay(from).getTime()) / 86_400_000);
  const end = addDays(previous.from, elapsed);
  return { from: previous.from, to: end < previous.to ? end : previous.to };
}

export async function getWasteSummary(prisma: PrismaClient): Promise<WasteSummary> {
  const [open] = await prisma.$queryRaw<Array<{ saving: Amount | null; findings: bigint; resources: bigint }>>`
    SELECT SUM(saving) AS saving, SUM(findings)::bigint AS findings, COUNT(*)::bigint AS resources
    FROM (
      SELECT MAX(monthly_saving) AS saving, COUNT(*) AS findings
      FROM recommendations
      WHERE status IN ('OPEN', 'IN_PROGRESS')
      GROUP BY COALESCE(resource_ref, account_id || '/' || region || '/' || resource_id)
    ) per_resource`;
  const realised = await prisma.pullRequest.aggregate({
    where: { realisedSaving: { not: null } },
    _sum: { realisedSaving: true },
    _count: { _all: true },
  });
  return {
    openMonthlySaving: open?.saving?.toString() ?? "0",
    openFindings: Number(open?.findings ?? 0),
    resources: Number(open?.resources ?? 0),
    realisedMonthlySaving: realised._sum.realisedSaving?.toString() ?? "0",
    realisedPullRequests: realised._count._all,
  };
}

/** The stored Cost Explorer forecasts that can serve the month holding `latestDay`, and the month after. */
export async function getStoredForecasts(prisma: PrismaClient, latestDay: IsoDay): Promise<StoredCostForecast[]> {
  const month = monthOf(latestDay);
  const rows = await prisma.costForecast.findMany({
    where: {
      metric: "UNBLENDED_COST",
      periodStart: { gte: fromIsoDay(month.from) },
      periodEnd: { lte: fromIsoDay(monthOf(month.to).to) },
      asOf: { gte: fromIsoDay(month.from), lte: fromIsoDay(addDays(latestDay, 1)) },
    },
    orderBy: [{ asOf: "desc" }, { periodStart: "asc" }],
    take: 64,
  });
  return rows.map((row) => ({
    asOf: toIsoDay(row.asOf),
    periodStart: toIsoDay(row.periodStart),
    periodEnd: toIsoDay(row.periodEnd),
    meanAmount: row.meanAmount.toString(),
    lowerBound: row.lowerBound?.toString() ?? null,
    upperBound: row.upperBound?.toString() ?? null,
    predictionIntervalLevel: row.predictionIntervalLevel,
  }));
}

export async function getOverview(prisma: PrismaClient): Promise<Overview | null> {
  const window = await getLatestSpendWindow(prisma, 30);
  if (!window) return null;
  const latestDay = addDays(window.to, -1);
  const month = monthOf(latestDay);
  const previous = sameDaysLastMonth(month.from, window.to);
  const earliest = [window.from, previous.from, addDays(window.to, -TREND_DAYS)].sort()[0] ?? window.from;
  const history = await getDailySpend(prisma, { from: earliest, to: window.to });
  const days = history.filter((day) => day.day >= window.from);
  const latest = days.at(-1);
  if (!latest) return null;
  const total = days.reduce((sum, day) => sum.plus(day.amount), new Decimal(0));
  const week = { from: addDays(window.to, -7), to: window.to };
  const [topMovers, waste, storedForecasts] = await Promise.all([
    getTopMovers(prisma, week),
    getWasteSummary(prisma),
    getStoredForecasts(prisma, latestDay),
  ]);
  return {
    window,
    days,
    total: total.toString(),
    dailyAverage: total.dividedBy(days.length).toDecimalPlaces(10).toString(),
    latest,
    monthToDate: {
      from: month.from,
      to: window.to,
      total: sum(history, month.from, window.to),
      previousFrom: previous.from,
      previousTo: previous.to,
      previousTotal: sum(history, previous.from, previous.to),
    },
    forecast: forecastMonth(history, latestDay),
    costExplorerForecast: costExplorerMonthForecast(history, latestDay, storedForecasts),
    week,
    topMovers,
    waste,
  };
}
