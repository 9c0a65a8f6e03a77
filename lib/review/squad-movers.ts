// Spend by squad for the month against the month before, and the squads that moved most with what drove
// each move: the namespace (Kubernetes) or AWS service whose own change went furthest the same way.
import { Decimal } from "../db/decimal";
import { compare, type Comparison } from "./month-over-month";

/** One squad's spend on one driver in the month and the month before (allocated_cost_daily). */
export interface SquadDriverSpend {
  squad: string;
  kind: "namespace" | "service";
  /** "cluster/namespace" or the AWS service name */
  key: string;
  current: string;
  previous: string;
}

export interface SquadMonthSpend extends Comparison {
  slug: string;
  name: string;
}

export interface MonthMover extends SquadMonthSpend {
  driver: ({ kind: "namespace" | "service"; key: string } & Comparison) | null;
}

export function squadMonthSpend(
  drivers: readonly SquadDriverSpend[],
  names: ReadonlyMap<string, string>,
): SquadMonthSpend[] {
  const totals = new Map<string, { current: Decimal; previous: Decimal }>();
  for (const row of drivers) {
    const total = totals.get(row.squad) ?? { current: new Decimal(0), previous: new Decimal(0) };
    totals.set(row.squad, { current: total.current.plus(row.current), previous: total.previous.plus(row.previous) });
  }
  return [...totals.entries()]
    .map(([slug, total]) => ({ slug, name: names.get(slug) ?? slug, ...compare(total.current, total.previous) }))
    .sort((a, b) => new Decimal(b.current).comparedTo(a.current) || a.slug.localeCompare(b.slug));
}

/** The squads whose spend changed most (either way), largest first, each with the driver of its move. */
export function topMovers(
  drivers: readonly SquadDriverSpend[],
  names: ReadonlyMap<string, string>,
  limit = 5,
): MonthMover[] {
  const squads = squadMonthSpend(drivers, names)
    .filter((squad) => !new Decimal(squad.change).isZero())
    .sort((a, b) => new Decimal(b.change).abs().comparedTo(new Decimal(a.change).abs()) || a.slug.localeCompare(b.slug))
    .slice(0, limit);
  return squads.map((squad) => {
    const rising = new Decimal(squad.change).isPositive();
    let driver: MonthMover["driver"] = null;
    for (const row of drivers) {
      if (row.squad !== squad.slug) continue;
      const change = new Decimal(row.current).minus(row.previous);
      const sameWay = rising ? change.isPositive() && !change.isZero() : change.isNegative();
      if (!sameWay) continue;
      const best = driver ? new Decimal(driver.change).abs() : new Decimal(0);
      if (change.abs().greaterThan(best) || (change.abs().equals(best) && driver && row.key < driver.key)) {
        driver = { kind: row.kind, key: row.key, ...compare(row.current, row.previous) };
      }
    }
    return { ...squad, driver };
  });
}
