// Cost Explorer metrics: which line field each sums, and how a sum is rendered.
import type { CostLine } from "../../../org/costs";
import { formatMicros } from "../../../org/micros";
import { invalid } from "./input";

export const METRIC_NAMES = [
  "UnblendedCost",
  "AmortizedCost",
  "NetUnblendedCost",
  "BlendedCost",
  "NetAmortizedCost",
  "UsageQuantity",
  "NormalizedUsageAmount",
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** Sums of one group: exact micro-dollars for costs, quantities in micro-units so they sum exactly too. */
export interface MetricSums {
  unblended: number;
  amortized: number;
  netUnblended: number;
  quantityMicros: number;
}

export function emptySums(): MetricSums {
  return { unblended: 0, amortized: 0, netUnblended: 0, quantityMicros: 0 };
}

export function addLine(sums: MetricSums, line: CostLine): void {
  sums.unblended += line.unblendedMicros;
  sums.amortized += line.amortizedMicros;
  sums.netUnblended += line.netUnblendedMicros;
  sums.quantityMicros += Math.round(line.usageQuantity * 1e6);
}

export function parseMetrics(value: unknown[] | undefined): MetricName[] {
  if (!value || value.length === 0) throw invalid("Metrics must contain at least one metric");
  return value.map((name) => {
    if (typeof name !== "string" || !(METRIC_NAMES as readonly string[]).includes(name)) {
      throw invalid(`Metric ${String(name)} is not supported. Supported metrics: ${METRIC_NAMES.join(", ")}`);
    }
    return name as MetricName;
  });
}

export function renderMetrics(
  sums: MetricSums,
  metrics: readonly MetricName[],
): Record<string, { Amount: string; Unit: string }> {
  const out: Record<string, { Amount: string; Unit: string }> = {};
  for (const metric of metrics) {
    switch (metric) {
      case "UnblendedCost":
      case "BlendedCost":
        out[metric] = { Amount: formatMicros(sums.unblended), Unit: "USD" };
        break;
      case "AmortizedCost":
      case "NetAmortizedCost":
        out[metric] = { Amount: formatMicros(sums.amortized), Unit: "USD" };
        break;
      case "NetUnblendedCost":
        out[metric] = { Amount: formatMicros(sums.netUnblended), Unit: "USD" };
        break;
      case "UsageQuantity":
      case "NormalizedUsageAmount":
        out[metric] = { Amount: formatMicros(sums.quantityMicros), Unit: "N/A" };
        break;
    }
  }
  return out;
}
