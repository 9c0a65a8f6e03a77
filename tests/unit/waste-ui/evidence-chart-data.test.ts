import { describe, expect, it } from "vitest";
import {
  formatMetricValue,
  metricChartCsv,
  shapeMetricChart,
  thresholdFor,
} from "@/components/waste/evidence-chart-data";
import type { MetricSeries } from "@/lib/waste/evidence";
import { defaultThresholds, thresholdsSchema } from "@/lib/waste/thresholds";

function series(
  metric: string,
  label: string,
  unit: MetricSeries["unit"],
  days: Array<Partial<MetricSeries["days"][number]> & { day: string }>,
): MetricSeries {
  return {
    metric,
    label,
    unit,
    days: days.map((day) => ({ average: null, maximum: null, p95: null, sum: null, ...day })),
  };
}

const cpu = series("AWS/EC2/CPUUtilization", "CPU utilisation", "percent", [
  { day: "2026-11-02", average: 0.8, maximum: 2.5, p95: 1.9 },
  { day: "2026-11-01", average: 0.7, maximum: 3.1, p95: 2.2 },
  { day: "2026-11-03", average: null, maximum: null, p95: null },
]);
const networkIn = series("AWS/EC2/NetworkIn", "Network in", "bytes", [
  { day: "2026-11-01", sum: 1_200_000, maximum: 90_000, average: 800 },
  { day: "2026-11-02", sum: 900_000, maximum: 60_000, average: 600 },
]);

describe("evidence chart data", () => {
  it("draws a zombie's CPU by its daily maximum, p95 and average, days in order, gaps kept as gaps", () => {
    const chart = shapeMetricChart("ZOMBIE_INSTANCE", cpu, defaultThresholds);
    expect(chart.kind).toBe("line");
    expect(chart.statistics).toEqual(["maximum", "p95", "average"]);
    expect(chart.rows).toEqual([
      { day: "2026-11-01", maximum: 3.1, p95: 2.2, average: 0.7 },
      { day: "2026-11-02", maximum: 2.5, p95: 1.9, average: 0.8 },
      { day: "2026-11-03", maximum: null, p95: null, average: null },
    ]);
    expect(chart.threshold).toEqual({ value: 5, statistic: "maximum", label: "Zombie CPU limit" });
  });

  it("draws network bytes as daily totals against the zombie network limit", () => {
    const chart = shapeMetricChart("ZOMBIE_INSTANCE", networkIn, defaultThresholds);
    expect(chart.kind).toBe("bar");
    expect(chart.statistics).toEqual(["sum"]);
    expect(chart.rows.map((row) => row.sum)).toEqual([1_200_000, 900_000]);
    expect(chart.threshold?.value).toBe(5_000_000);
  });

  it("uses the thresholds as configured, and the statistic each rule reads", () => {
    const custom = thresholdsSchema.parse({
      rightsizing: { cpuP95Percent: 30, memoryP95Percent: 45, targetP95Percent: 55 },
      idleReplica: { maxConnections: 2, readIopsMax: 0.5 },
    });
    expect(thresholdFor("RIGHTSIZING", cpu, custom)).toMatchObject({ value: 30, statistic: "p95" });
    const memory = series("CWAgent/mem_used_percent", "Memory used", "percent", [{ day: "2026-11-01", p95: 20 }]);
    expect(thresholdFor("RIGHTSIZING", memory, custom)).toMatchObject({ value: 45, statistic: "p95" });
    const connections = series("AWS/RDS/DatabaseConnections", "Database connections", "count", [
      { day: "2026-11-01", maximum: 0, average: 0 },
    ]);
    expect(thresholdFor("IDLE_REPLICA", connections, custom)).toMatchObject({ value: 2, statistic: "maximum" });
    const readIops = series("AWS/RDS/ReadIOPS", "Read IOPS", "iops", [{ day: "2026-11-01", average: 0.1 }]);
    expect(thresholdFor("IDLE_REPLICA", readIops, custom)).toMatchObject({ value: 0.5, statistic: "average" });
  });

  it("draws no threshold where no rule reads the series", () => {
    expect(thresholdFor("NON_PROD_ALWAYS_ON", cpu, defaultThresholds)).toBeNull();
    expect(thresholdFor("NAT_WASTE", networkIn, defaultThresholds)).toBeNull();
    expect(shapeMetricChart("NON_PROD_ALWAYS_ON", cpu, defaultThresholds).threshold).toBeNull();
  });

  it("adds the statistic a threshold compares against even when the unit would not show it", () => {
    const readIops = series("AWS/RDS/ReadIOPS", "Read IOPS", "iops", [{ day: "2026-11-01", average: 0.1 }]);
    const chart = shapeMetricChart("IDLE_REPLICA", readIops, defaultThresholds);
    expect(chart.statistics).toEqual(["average"]);
    expect(chart.threshold?.statistic).toBe("average");
  });

  it("has no statistics (and so no chart) when every value is missing", () => {
    const empty = series("AWS/EC2/CPUUtilization", "CPU utilisation", "percent", [{ day: "2026-11-01" }]);
    const chart = shapeMetricChart("ZOMBIE_INSTANCE", empty, defaultThresholds);
    expect(chart.statistics).toEqual([]);
    expect(chart.threshold).toBeNull();
  });

  it("exports exactly the plotted numbers as CSV", () => {
    const chart = shapeMetricChart("ZOMBIE_INSTANCE", cpu, defaultThresholds);
    expect(metricChartCsv(chart)).toBe(
      "day,maximum (percent),p95 (percent),average (percent)\r\n" +
        "2026-11-01,3.1,2.2,0.7\r\n" +
        "2026-11-02,2.5,1.9,0.8\r\n" +
        "2026-11-03,,,\r\n",
    );
  });

  it("formats values by unit, with decimal byte units like the rule's 5 MB", () => {
    expect(formatMetricValue(4.256, "percent")).toBe("4.26%");
    expect(formatMetricValue(5_000_000, "bytes")).toBe("5 MB");
    expect(formatMetricValue(1_500, "bytes")).toBe("1.5 KB");
    expect(formatMetricValue(999, "bytes")).toBe("999 B");
    expect(formatMetricValue(12, "count")).toBe("12");
    expect(formatMetricValue(0.4, "iops")).toBe("0.4 IOPS");
    expect(formatMetricValue(null, "percent")).toBe("—");
  });
});
