// Turns daily amounts per group (squad, namespace, service) into what a stacked chart draws, its table shows
// and its CSV holds: one source for all three, so the table and the download are exactly the plot.
// Long ranges are bucketed into weeks (Monday to Sunday, UTC) beyond MAX_POINTS, sums stay exact strings,
// and groups beyond the largest few fold into "Other" so the stack stays readable.
import { addDays, formatDay, fromIsoDay } from "@/lib/format/dates";
import { compareAmounts, sumAmounts } from "./exact-decimal";

export const MAX_POINTS = 120;
export const MAX_SERIES = 8;
export const OTHER = "Other";

export interface DailyValues {
  day: string;
  values: Record<string, string>;
}

export interface StackedRow {
  /** first day of the period (ISO) */
  start: string;
  /** number of days of data in the period */
  days: number;
  label: string;
  values: Record<string, string>;
  total: string;
}

export interface StackedSeries {
  bucket: "day" | "week";
  /** series in stacking order, largest first; may end with OTHER */
  keys: string[];
  /** total of each key over the whole range */
  totals: Record<string, string>;
  rows: StackedRow[];
  total: string;
}

/** Monday of the ISO week holding `day`. */
export function weekStart(day: string): string {
  const weekday = fromIsoDay(day).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export function buildStackedSeries(
  days: readonly DailyValues[],
  options: { keys?: readonly string[]; maxSeries?: number; maxPoints?: number; pinned?: readonly string[] } = {},
): StackedSeries {
  const maxSeries = options.maxSeries ?? MAX_SERIES;
  const maxPoints = options.maxPoints ?? MAX_POINTS;
  const pinned = new Set(options.pinned ?? []);
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));

  const allKeys = options.keys ?? [...new Set(sorted.flatMap((day) => Object.keys(day.values)))];
  const keyTotals = new Map(allKeys.map((key) => [key, sumAmounts(sorted.map((day) => day.values[key] ?? "0"))]));
  const byTotal = [...allKeys].sort(
    (a, b) => compareAmounts(keyTotals.get(b) ?? "0", keyTotals.get(a) ?? "0") || a.localeCompare(b),
  );
  // Pinned keys (shared, idle, unallocated) always keep their own series, after the largest groups.
  const ranked = byTotal.filter((key) => !pinned.has(key));
  const pinnedKeys = byTotal.filter((key) => pinned.has(key));
  const room = Math.max(1, maxSeries - pinnedKeys.length);
  const folds = ranked.length > room;
  const kept = folds ? ranked.slice(0, room - 1) : ranked;
  const folded = new Set(folds ? ranked.slice(room - 1) : []);
  const keys = [...kept, ...(folds ? [OTHER] : []), ...pinnedKeys];

  const bucket: StackedSeries["bucket"] = sorted.length > maxPoints ? "week" : "day";
  const groups = new Map<string, DailyValues[]>();
  for (const day of sorted) {
    const start = bucket === "week" ? weekStart(day.day) : day.day;
    groups.set(start, [...(groups.get(start) ?? []), day]);
  }

  const rows: StackedRow[] = [...groups.entries()].map(([start, members]) => {
    const values: Record<string, string> = {};
    for (const key of keys) {
      const sources = key === OTHER && folds ? [...folded] : [key];
      values[key] = sumAmounts(members.flatMap((member) => sources.map((source) => member.values[source] ?? "0")));
    }
    return {
      start,
      days: members.length,
      label: bucket === "week" ? `Week of ${formatDay(start)}` : formatDay(start),
      values,
      total: sumAmounts(keys.map((key) => values[key] ?? "0")),
    };
  });

  const totals: Record<string, string> = {};
  for (const key of keys) totals[key] = sumAmounts(rows.map((row) => row.values[key] ?? "0"));
  return { bucket, keys, totals, rows, total: sumAmounts(rows.map((row) => row.total)) };
}

/** The plotted data as a table: the period, one column per series, the total. */
export function seriesTable(series: StackedSeries, labelOf: (key: string) => string = (key) => key) {
  return {
    header: [series.bucket === "week" ? "Week starting" : "Day", ...series.keys.map(labelOf), "Total"],
    rows: series.rows.map((row) => ({
      key: row.start,
      label: row.label,
      period: row.start,
      amounts: [...series.keys.map((key) => row.values[key] ?? "0"), row.total],
    })),
  };
}
