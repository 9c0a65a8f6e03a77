// Reading a resource's daily metrics over the lookback window: complete series or nothing, and the series
// the evidence charts draw.
import type { LookbackWindow, MetricFact } from "./detection-facts";
import type { MetricSeries } from "./evidence";

export type MetricColumn = "average" | "maximum" | "p95" | "sum";

/** The rows of one metric by day, inside the window. */
export function metricDays(rows: readonly MetricFact[] | undefined, metric: string, window: LookbackWindow) {
  const byDay = new Map<string, MetricFact>();
  for (const row of rows ?? []) {
    if (row.metric === metric && row.day >= window.from && row.day <= window.to) byDay.set(row.day, row);
  }
  return byDay;
}

/**
 * One value a day for every day of the window, or undefined when any day (or its column) is missing:
 * the rules hold "on every day of the lookback", so a gap is insufficient data, never a pass.
 */
export function completeDaily(
  rows: readonly MetricFact[] | undefined,
  metric: string,
  column: MetricColumn,
  window: LookbackWindow,
): number[] | undefined {
  const byDay = metricDays(rows, metric, window);
  const values: number[] = [];
  for (const day of window.days) {
    const value = byDay.get(day)?.[column];
    if (value === null || value === undefined) return undefined;
    values.push(value);
  }
  return values;
}

export function hasAny(rows: readonly MetricFact[] | undefined, metric: string, window: LookbackWindow): boolean {
  return metricDays(rows, metric, window).size > 0;
}

export function seriesEvidence(
  rows: readonly MetricFact[] | undefined,
  metric: string,
  label: string,
  unit: MetricSeries["unit"],
  window: LookbackWindow,
): MetricSeries {
  const byDay = metricDays(rows, metric, window);
  return {
    metric,
    label,
    unit,
    days: window.days.map((day) => {
      const row = byDay.get(day);
      return {
        day,
        average: row?.average ?? null,
        maximum: row?.maximum ?? null,
        p95: row?.p95 ?? null,
        sum: row?.sum ?? null,
      };
    }),
  };
}

export const max = (values: readonly number[]): number => values.reduce((m, v) => (v > m ? v : m), -Infinity);

/** "4.2" for a percentage in a sentence. */
export function percent(value: number): string {
  return `${Math.round(value * 10) / 10}%`;
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 100_000) / 10} MB`;
}
