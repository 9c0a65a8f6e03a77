// Whether a month's data is whole: a month with no cost day is empty (shown as such, never as zeros); the
// current month, or one with days missing inside it (an ingest gap), is partial and every slide says so.
import { addDays, type IsoDay } from "../format/dates";
import type { MonthBounds } from "./review-month";

export interface MonthCoverage {
  status: "empty" | "partial" | "complete";
  daysInMonth: number;
  daysWithData: number;
  /** the newest day with data in the month, null when empty */
  lastDay: IsoDay | null;
  /** today falls inside the month (or before its end): more days are still to come */
  inProgress: boolean;
  /** days with no data between the month's 1st and its last elapsed day */
  missingDays: IsoDay[];
}

/** `days`: the days that have cost data (any order, any range); `today`: the UTC day now. */
export function monthCoverage(month: MonthBounds, days: Iterable<IsoDay>, today: IsoDay): MonthCoverage {
  const inMonth = new Set([...days].filter((day) => day >= month.from && day < month.to));
  const inProgress = today < month.to;
  const lastDay = [...inMonth].sort().at(-1) ?? null;
  // Days not yet elapsed (today and later) are not "missing": Cost Explorer has not closed them.
  const elapsedEnd = inProgress ? (today > month.from ? today : month.from) : month.to;
  const missingDays: IsoDay[] = [];
  for (let day = month.from; day < elapsedEnd; day = addDays(day, 1)) if (!inMonth.has(day)) missingDays.push(day);
  const status =
    inMonth.size === 0
      ? "empty"
      : inProgress || missingDays.length > 0 || inMonth.size < month.days
        ? "partial"
        : "complete";
  return { status, daysInMonth: month.days, daysWithData: inMonth.size, lastDay, inProgress, missingDays };
}

/** One sentence for a partial month's banner; null when the month is complete or empty. */
export function describeCoverage(coverage: MonthCoverage): string | null {
  if (coverage.status !== "partial") return null;
  const parts = [`Partial month: ${coverage.daysWithData} of ${coverage.daysInMonth} days have cost data`];
  if (coverage.inProgress)
    parts.push(`the month is still in progress${coverage.lastDay ? ` (data through ${coverage.lastDay})` : ""}`);
  if (coverage.missingDays.length > 0) {
    const shown = coverage.missingDays.slice(0, 5).join(", ");
    const more = coverage.missingDays.length > 5 ? ` and ${coverage.missingDays.length - 5} more` : "";
    parts.push(`no data for ${shown}${more}`);
  }
  return `${parts.join("; ")}.`;
}
