// Turns one evidence metric series into what its chart draws and its table view lists: the same numbers
// in both. Also decides which threshold (from the detector settings) is drawn as a reference line.
import { buildCsv } from "@/lib/csv/build-csv";
import type { MetricSeries } from "@/lib/waste/evidence";
import type { Thresholds } from "@/lib/waste/thresholds";
import type { RecommendationType } from "./recommendation-types";

export type Statistic = "average" | "maximum" | "p95" | "sum";

export const statisticLabel: Record<Statistic, string> = {
  maximum: "Daily maximum",
  p95: "Daily p95",
  average: "Daily average",
  sum: "Daily total",
};

export interface ChartThreshold {
  value: number;
  statistic: Statistic;
  label: string;
}

export interface MetricChart {
  metric: string;
  title: string;
  unit: MetricSeries["unit"];
  kind: "line" | "bar";
  statistics: Statistic[];
  rows: Array<{ day: string } & Partial<Record<Statistic, number | null>>>;
  threshold: ChartThreshold | null;
}

// Which statistics a unit is read by, in drawing order. A sum of percentages means nothing; bytes are
// read as the day's total.
const statisticsByUnit: Record<MetricSeries["unit"], Statistic[]> = {
  percent: ["maximum", "p95", "average"],
  bytes: ["sum", "maximum"],
  count: ["maximum", "average"],
  iops: ["maximum", "average"],
};

const is = (series: MetricSeries, pattern: RegExp) => pattern.test(series.metric) || pattern.test(series.label);
const CPU = /cpu/i;
const MEMORY = /mem/i;
const NETWORK = /network|bytes ?(in|out)/i;
const CONNECTIONS = /connection/i;
const READ_IOPS = /read ?iops/i;

/** The rule's limit for this series, as the detector settings hold it now; null when no rule reads it. */
export function thresholdFor(
  type: RecommendationType,
  series: MetricSeries,
  thresholds: Thresholds,
): ChartThreshold | null {
  switch (type) {
    case "ZOMBIE_INSTANCE":
      if (is(series, CPU)) {
        return { value: thresholds.zombie.cpuMaxPercent, statistic: "maximum", label: "Zombie CPU limit" };
      }
      if (is(series, NETWORK)) {
        return {
          value: thresholds.zombie.networkBytesPerDay,
          statistic: "sum",
          label: "Zombie network limit (in + out)",
        };
      }
      return null;
    case "IDLE_REPLICA":
      if (is(series, CONNECTIONS)) {
        return { value: thresholds.idleReplica.maxConnections, statistic: "maximum", label: "Idle connections limit" };
      }
      if (is(series, READ_IOPS)) {
        return { value: thresholds.idleReplica.readIopsMax, statistic: "average", label: "Idle read IOPS limit" };
      }
      return null;
    case "RIGHTSIZING":
      if (is(series, CPU)) {
        return { value: thresholds.rightsizing.cpuP95Percent, statistic: "p95", label: "Rightsizing CPU p95 limit" };
      }
      if (is(series, MEMORY)) {
        return {
          value: thresholds.rightsizing.memoryP95Percent,
          statistic: "p95",
          label: "Rightsizing memory p95 limit",
        };
      }
      return null;
    default:
      return null;
  }
}

/**
 * The chart of one series: the statistics the unit is read by that have at least one value (plus the one
 * the threshold compares against), one row per day in the series' order.
 */
export function shapeMetricChart(type: RecommendationType, series: MetricSeries, thresholds: Thresholds): MetricChart {
  const threshold = thresholdFor(type, series, thresholds);
  const wanted = statisticsByUnit[series.unit];
  const present = (statistic: Statistic) => series.days.some((day) => day[statistic] !== null);
  let statistics = wanted.filter(present);
  if (threshold && present(threshold.statistic) && !statistics.includes(threshold.statistic)) {
    statistics = [threshold.statistic, ...statistics];
  }
  if (series.unit === "bytes" && statistics.includes("sum")) statistics = ["sum"];
  const rows = [...series.days]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((day) => {
      const row: MetricChart["rows"][number] = { day: day.day };
      for (const statistic of statistics) row[statistic] = day[statistic];
      return row;
    });
  return {
    metric: series.metric,
    title: series.label,
    unit: series.unit,
    kind: series.unit === "bytes" ? "bar" : "line",
    statistics,
    rows,
    threshold: threshold && statistics.includes(threshold.statistic) ? threshold : null,
  };
}

const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const byteUnits = ["B", "KB", "MB", "GB", "TB", "PB"];

/** "4.2%", "1.5 MB" (decimal units, as the rule's 5 MB is), "12" connections, "0.4" IOPS. */
export function formatMetricValue(value: number | null | undefined, unit: MetricSeries["unit"]): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "percent":
      return `${decimal.format(value)}%`;
    case "bytes": {
      let scaled = value;
      let index = 0;
      while (Math.abs(scaled) >= 1000 && index < byteUnits.length - 1) {
        scaled /= 1000;
        index += 1;
      }
      return `${decimal.format(scaled)} ${byteUnits[index]}`;
    }
    case "iops":
      return `${decimal.format(value)} IOPS`;
    default:
      return decimal.format(value);
  }
}

/** Axis ticks: shorter than formatMetricValue. */
export function formatMetricTick(value: number, unit: MetricSeries["unit"]): string {
  if (unit === "iops") return decimal.format(value);
  return formatMetricValue(value, unit);
}

/** The table view as CSV: raw numbers (not formatted), empty cells for days without a value. */
export function metricChartCsv(chart: MetricChart): string {
  return buildCsv(
    ["day", ...chart.statistics.map((statistic) => `${statistic} (${chart.unit})`)],
    chart.rows.map((row) => [row.day, ...chart.statistics.map((statistic) => row[statistic])]),
  );
}
