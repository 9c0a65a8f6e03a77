// What a squad lead reads under the squad's chart: its namespaces with how well they use what they request
// (OpenCost's cpu/ram efficiency, weighted by cost), the days its spend jumped above the recent baseline and
// what drove each jump, and its open recommendations. Ownership comes from allocated_cost_daily, so a
// namespace belongs to the squad the allocation gave it to.
import { Decimal } from "../db/decimal";
import type { PrismaClient } from "../db/generated/client";
import type { RecommendationStatus, RecommendationType } from "../db/generated/enums";
import { addDays, fromIsoDay, toIsoDay, type IsoDay } from "../format/dates";

export interface NamespaceEfficiency {
  cluster: string;
  namespace: string;
  /** the squad's allocated cost of the namespace over the range */
  cost: string;
  /** cost-weighted mean over the range, 0..1; null when OpenCost reported none */
  cpuEfficiency: number | null;
  ramEfficiency: number | null;
}

export interface SpendAnomaly {
  day: IsoDay;
  total: string;
  /** mean of the 14 days before */
  baseline: string;
  /** how far above the baseline, in percent (display only) */
  abovePercent: number;
  driver: { kind: "namespace" | "service"; key: string; amount: string; baseline: string } | null;
}

export interface SquadRecommendation {
  id: string;
  type: RecommendationType;
  status: RecommendationStatus;
  resourceId: string;
  region: string;
  monthlySaving: string;
  terraformAddress: string | null;
  detectedAt: string;
}

export interface SquadInsights {
  namespaces: NamespaceEfficiency[];
  anomalies: SpendAnomaly[];
  recommendations: SquadRecommendation[];
}

export const BASELINE_DAYS = 14;
const MIN_BASELINE_DAYS = 7;

export interface DriverDay {
  day: IsoDay;
  /** driver key ("namespace:<cluster>/<ns>" or "service:<name>") to amount */
  drivers: Record<string, string>;
}

function driverOf(key: string): { kind: "namespace" | "service"; key: string } {
  return key.startsWith("namespace:")
    ? { kind: "namespace", key: key.slice("namespace:".length) }
    : { kind: "service", key: key.slice("service:".length) };
}

/**
 * Days of [from, to) whose total is well above the trailing 14-day baseline: above mean + 3 standard
 * deviations and more than 20% above the mean. The driver is the namespace or service whose amount rose
 * most over its own baseline. `days` must include the 14 days before `from`; missing days count as zero.
 */
export function findAnomalies(days: readonly DriverDay[], range: { from: IsoDay; to: IsoDay }): SpendAnomaly[] {
  const byDay = new Map(days.map((day) => [day.day, day]));
  const totalOf = (day: IsoDay) =>
    Object.values(byDay.get(day)?.drivers ?? {}).reduce((sum, amount) => sum.plus(amount), new Decimal(0));
  const anomalies: SpendAnomaly[] = [];
  for (let day = range.from; day < range.to; day = addDays(day, 1)) {
    const window = Array.from({ length: BASELINE_DAYS }, (_, index) => addDays(day, -BASELINE_DAYS + index));
    if (window.filter((previous) => byDay.has(previous)).length < MIN_BASELINE_DAYS) continue;
    const history = window.map(totalOf);
    const mean = history.reduce((sum, value) => sum.plus(value), new Decimal(0)).dividedBy(BASELINE_DAYS);
    const variance = history
      .reduce((sum, value) => sum.plus(value.minus(mean).pow(2)), new Decimal(0))
      .dividedBy(BASELINE_DAYS);
    const threshold = mean.plus(variance.sqrt().times(3));
    const total = totalOf(day);
    if (!total.greaterThan(threshold) || !total.greaterThan(mean.times("1.2")) || mean.lessThanOrEqualTo(0)) continue;

    const drivers = byDay.get(day)?.drivers ?? {};
    const keys = new Set([
      ...Object.keys(drivers),
      ...window.flatMap((previous) => Object.keys(byDay.get(previous)?.drivers ?? {})),
    ]);
    let driver: SpendAnomaly["driver"] = null;
    let largestRise = new Decimal(0);
    for (const key of [...keys].sort()) {
      const baseline = window
        .reduce((sum, previous) => sum.plus(byDay.get(previous)?.drivers[key] ?? "0"), new Decimal(0))
        .dividedBy(BASELINE_DAYS);
      const amount = new Decimal(drivers[key] ?? "0");
      const rise = amount.minus(baseline);
      if (rise.greaterThan(largestRise)) {
        largestRise = rise;
        driver = { ...driverOf(key), amount: amount.toString(), baseline: baseline.toDecimalPlaces(10).toString() };
      }
    }
    anomalies.push({
      day,
      total: total.toString(),
      baseline: mean.toDecimalPlaces(10).toString(),
      abovePercent: total.minus(mean).dividedBy(mean).times(100).toDecimalPlaces(1).toNumber(),
      driver,
    });
  }
  return anomalies;
}

type Amount = { toString(): string };

async function namespaceEfficiencies(prisma: PrismaClient, slug: string, from: Date, to: Date) {
  const rows = await prisma.$queryRaw<
    Array<{ cluster: string; namespace: string; cost: Amount; cpu: number | null; ram: number | null }>
  >`
    WITH owned AS (
      SELECT cluster, namespace, SUM(amount) AS cost
      FROM allocated_cost_daily
      WHERE squad = ${slug} AND owner_type = 'SQUAD' AND namespace <> ''
        AND day >= ${from}::date AND day < ${to}::date
      GROUP BY cluster, namespace
    ), usage AS (
      SELECT n.cluster, n.namespace,
        SUM(n.cpu_efficiency * n.cpu_cost) FILTER (WHERE n.cpu_efficiency IS NOT NULL)
          / NULLIF(SUM(n.cpu_cost) FILTER (WHERE n.cpu_efficiency IS NOT NULL), 0) AS cpu,
        SUM(n.ram_efficiency * n.ram_cost) FILTER (WHERE n.ram_efficiency IS NOT NULL)
          / NULLIF(SUM(n.ram_cost) FILTER (WHERE n.ram_efficiency IS NOT NULL), 0) AS ram
      FROM namespace_cost_daily n
      JOIN owned o ON o.cluster = n.cluster AND o.namespace = n.namespace
      WHERE n.day >= ${from}::date AND n.day < ${to}::date
      GROUP BY n.cluster, n.namespace
    )
    SELECT o.cluster, o.namespace, o.cost, u.cpu::float8 AS cpu, u.ram::float8 AS ram
    FROM owned o LEFT JOIN usage u ON u.cluster = o.cluster AND u.namespace = o.namespace
    ORDER BY o.cost DESC, o.cluster, o.namespace`;
  return rows.map((row) => ({
    cluster: row.cluster,
    namespace: row.namespace,
    cost: row.cost.toString(),
    cpuEfficiency: row.cpu === null ? null : Number(row.cpu),
    ramEfficiency: row.ram === null ? null : Number(row.ram),
  }));
}

async function driverDays(prisma: PrismaClient, slug: string, from: Date, to: Date): Promise<DriverDay[]> {
  const rows = await prisma.$queryRaw<Array<{ day: Date; driver: string; amount: Amount }>>`
    SELECT day,
      CASE WHEN namespace <> '' THEN 'namespace:' || cluster || '/' || namespace ELSE 'service:' || service END AS driver,
      SUM(amount) AS amount
    FROM allocated_cost_daily
    WHERE squad = ${slug} AND owner_type = 'SQUAD' AND day >= ${from}::date AND day < ${to}::date
    GROUP BY 1, 2
    ORDER BY 1`;
  const days = new Map<IsoDay, Record<string, string>>();
  for (const row of rows) {
    const day = toIsoDay(row.day);
    const drivers = days.get(day) ?? {};
    drivers[row.driver] = row.amount.toString();
    days.set(day, drivers);
  }
  return [...days.entries()].map(([day, drivers]) => ({ day, drivers }));
}

export async function getSquadInsights(
  prisma: PrismaClient,
  slug: string,
  range: { from: IsoDay; to: IsoDay },
): Promise<SquadInsights> {
  const from = fromIsoDay(range.from);
  const to = fromIsoDay(range.to);
  const [namespaces, days, recommendations] = await Promise.all([
    namespaceEfficiencies(prisma, slug, from, to),
    driverDays(prisma, slug, fromIsoDay(addDays(range.from, -BASELINE_DAYS)), to),
    prisma.recommendation.findMany({
      where: { squad: { slug }, status: { in: ["OPEN", "IN_PROGRESS"] } },
      select: {
        id: true,
        type: true,
        status: true,
        resourceId: true,
        region: true,
        monthlySaving: true,
        terraformAddress: true,
        detectedAt: true,
      },
      orderBy: [{ monthlySaving: "desc" }, { id: "asc" }],
      take: 200,
    }),
  ]);
  return {
    namespaces,
    anomalies: findAnomalies(days, range).reverse(),
    recommendations: recommendations.map((row) => ({
      ...row,
      monthlySaving: row.monthlySaving.toString(),
      detectedAt: row.detectedAt.toISOString(),
    })),
  };
}
