// The priced inventory, one day at a time: Cost Explorer, the planted savings and the consistency tests
// all read it, so they agree to the micro-dollar. Nothing is materialised for the whole period: a day's
// lines are computed from the cost sources when asked for.
//
// Restatement: AWS keeps revising the last few days of billing data. A day `age` days before org.today
// (today itself has no data) is served at a fraction of its final value, per line and rounded to the
// micro-dollar: age 1 -> 92%, age 2 -> 97%, age 3 -> 99.5%, age >= 4 -> final. Such lines are marked
// `estimated`. Advancing the clock (POST /_sim/clock) ages every day, so a served value converges to its
// final value and stays there. `{ final: true }` returns final values regardless of the clock.
import { costSources, type CostSource } from "./cost-sources";
import { daysBetween } from "./days";
import type { Day, Micros, Organisation } from "./model";

export { SERVICE } from "./cost-sources";

/** One bill line: a cost source's identity, priced for one day. */
export interface CostLine extends Omit<CostSource, "daily" | "resizable"> {
  day: Day;
  unblendedMicros: Micros;
  /** No reservations or savings plans: amortized equals unblended. */
  amortizedMicros: Micros;
  /** No credits or private pricing: net unblended equals unblended. */
  netUnblendedMicros: Micros;
  usageQuantity: number;
  estimated: boolean;
}

/** Per-mille of the final value served for a day `age` days old; index 0 is unused (today has no data). */
const RESTATED_PER_MILLE: readonly number[] = [1000, 920, 970, 995];
export const RESTATEMENT_DAYS = RESTATED_PER_MILLE.length - 1;

export function restatedPerMille(org: Pick<Organisation, "today">, day: Day): number {
  const age = daysBetween(day, org.today);
  return RESTATED_PER_MILLE[age] ?? 1000;
}

export interface CostLineOptions {
  /** Final (settled) values, ignoring restatement. */
  final?: boolean;
}

/** Whether the organisation has cost data for a day: [org.start, org.today). */
export function hasCostData(org: Pick<Organisation, "start" | "today">, day: Day): boolean {
  return day >= org.start && day < org.today;
}

/** Visits every bill line of one day without building an array (Cost Explorer sums months of days). */
export function forEachCostLine(
  org: Organisation,
  day: Day,
  visit: (line: CostLine) => void,
  options: CostLineOptions = {},
): void {
  forEachCostLineOf(org, day, costSources(org), visit, options);
}

/**
 * Visits the bill lines of one day that some of the organisation's cost sources give, in their order: Cost
 * Explorer prices only the sources a request's filter can match.
 */
export function forEachCostLineOf(
  org: Organisation,
  day: Day,
  sources: Iterable<CostSource>,
  visit: (line: CostLine) => void,
  options: CostLineOptions = {},
): void {
  if (!hasCostData(org, day)) return;
  const perMille = options.final ? 1000 : restatedPerMille(org, day);
  for (const source of sources) {
    const line = priceSource(source, day, perMille);
    if (line) visit(line);
  }
}

function priceSource(source: CostSource, day: Day, perMille: number): CostLine | undefined {
  const usage = source.daily(day);
  if (!usage) return undefined;
  const estimated = perMille !== 1000;
  const micros = estimated ? Math.round((usage.micros * perMille) / 1000) : usage.micros;
  return {
    day,
    accountId: source.accountId,
    region: source.region,
    service: source.service,
    usageType: usage.usageType ?? source.usageType,
    recordType: source.recordType,
    ...((usage.instanceType ?? source.instanceType) ? { instanceType: usage.instanceType ?? source.instanceType } : {}),
    ...(source.resourceId ? { resourceId: source.resourceId } : {}),
    tags: source.tags,
    unblendedMicros: micros,
    amortizedMicros: micros,
    netUnblendedMicros: micros,
    usageQuantity: estimated ? Math.round(((usage.quantity * perMille) / 1000) * 1e6) / 1e6 : usage.quantity,
    estimated,
  };
}

export function costLinesForDay(org: Organisation, day: Day, options: CostLineOptions = {}): CostLine[] {
  const lines: CostLine[] = [];
  forEachCostLine(org, day, (line) => lines.push(line), options);
  return lines;
}

export function finalCostLinesForDay(org: Organisation, day: Day): CostLine[] {
  return costLinesForDay(org, day, { final: true });
}

/** Total unblended cost of one day. */
export function dayTotalMicros(org: Organisation, day: Day, options: CostLineOptions = {}): Micros {
  let total = 0;
  forEachCostLine(org, day, (line) => (total += line.unblendedMicros), options);
  return total;
}
