// Date ranges as the spend API takes them: ISO days, `from` inclusive, `to` exclusive (as in Cost
// Explorer). Pages read them from the query string leniently: anything invalid falls back to the default
// range, so an edited or stale link still opens a page.
import { addDays, fromIsoDay, toIsoDay } from "@/lib/format/dates";

export interface DayRange {
  from: string;
  /** exclusive */
  to: string;
}

export const rangePresets = [
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 180, label: "6 months" },
  { days: 395, label: "13 months" },
] as const;

// The spend API refuses windows longer than this (lib/queries/spend/spend-params.ts).
export const MAX_RANGE_DAYS = 400;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(value: unknown): value is string {
  return typeof value === "string" && isoDay.test(value) && toIsoDay(fromIsoDay(value)) === value;
}

/** The last `days` days ending with `latestDay` (inclusive). */
export function lastDays(latestDay: string, days: number): DayRange {
  const to = addDays(latestDay, 1);
  return { from: addDays(to, -days), to };
}

export function rangeLength(range: DayRange): number {
  return Math.round((fromIsoDay(range.to).getTime() - fromIsoDay(range.from).getTime()) / 86_400_000);
}

/** The period of the same length just before `range`. */
export function previousRange(range: DayRange): DayRange {
  return { from: addDays(range.from, -rangeLength(range)), to: range.from };
}

export function isValidRange(range: DayRange): boolean {
  if (!isIsoDay(range.from) || !isIsoDay(range.to)) return false;
  const length = rangeLength(range);
  return length >= 1 && length <= MAX_RANGE_DAYS;
}

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The range in a page's query string, or `fallback` when it is missing or invalid. */
export function rangeFromSearch(search: SearchParams, fallback: DayRange): DayRange {
  const range = { from: first(search.from) ?? "", to: first(search.to) ?? "" };
  return isValidRange(range) ? range : fallback;
}

/** One choice from a fixed list in the query string, or the fallback. */
export function choiceFromSearch<T extends string>(
  search: SearchParams,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = first(search[name]);
  return choices.find((choice) => choice === value) ?? fallback;
}

/** A free-text filter from the query string (trimmed, bounded), or null. */
export function textFromSearch(search: SearchParams, name: string): string | null {
  const value = first(search[name])?.trim();
  return value ? value.slice(0, 200) : null;
}

/** "1 Oct 2026 – 30 Oct 2026" for a range (to exclusive, so the last day shown is to - 1). */
export function describeRange(range: DayRange): string {
  const format = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return `${format.format(fromIsoDay(range.from))} – ${format.format(fromIsoDay(addDays(range.to, -1)))}`;
}
