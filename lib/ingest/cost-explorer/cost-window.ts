// Which days a Cost Explorer run fetches. The first run backfills `backfillMonths` whole months. Later
// runs re-fetch a trailing window, because Cost Explorer restates recent days for a few days and the
// previous month keeps changing until its invoice settles (early in the next month). A day stored as
// estimated is fetched again until Cost Explorer settles it, however long ago the last run was. A month
// whose rows were split by another set of usage groups (stored before an upgrade added one) is fetched
// again whole.
import type { JobWindow } from "../../jobs/job-definition";
import { addDays, firstOfMonth, type IsoDay } from "../../format/dates";

export interface CostWindowPolicy {
  backfillMonths: number;
  restatementDays: number;
  /** day of the month up to which the previous month is still re-fetched */
  invoiceSettlesOnDay: number;
}

export const defaultCostWindowPolicy: CostWindowPolicy = {
  backfillMonths: 13,
  restatementDays: 5,
  invoiceSettlesOnDay: 5,
};

export interface StoredCosts {
  newestDay: IsoDay | null;
  /** the oldest day stored with Cost Explorer's "estimated" flag */
  oldestEstimatedDay: IsoDay | null;
  /** the first day of the oldest stored month split by another set of usage groups than today's */
  oldestStaleMonth: IsoDay | null;
}

/** today: the current UTC day; it is the window's exclusive end (Cost Explorer has partial data for it). */
export function costWindow(today: IsoDay, stored: StoredCosts, policy = defaultCostWindowPolicy): JobWindow {
  const backfillFrom = firstOfMonth(today, -(policy.backfillMonths - 1));
  if (!stored.newestDay) return { from: backfillFrom, to: today };
  const restated = addDays(today, -policy.restatementDays);
  const unsettled = Number(today.slice(8, 10)) <= policy.invoiceSettlesOnDay ? firstOfMonth(today, -1) : restated;
  const gapStart = addDays(stored.newestDay, 1);
  // Days older than the backfill cannot be fetched again: Cost Explorer no longer has them.
  const refetch = [stored.oldestStaleMonth, stored.oldestEstimatedDay]
    .filter((day): day is IsoDay => day !== null)
    .map((day) => (day < backfillFrom ? backfillFrom : day));
  const from = [restated, unsettled, gapStart, ...refetch].sort()[0]!;
  return { from, to: today };
}

/** Splits a window into calendar-month chunks: each is fetched and replaced in one transaction. */
export function monthChunks(window: JobWindow): JobWindow[] {
  const chunks: JobWindow[] = [];
  let from = window.from;
  while (from < window.to) {
    const nextMonth = firstOfMonth(from, 1);
    const to = nextMonth < window.to ? nextMonth : window.to;
    chunks.push({ from, to });
    from = to;
  }
  return chunks;
}
