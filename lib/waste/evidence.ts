// The evidence every recommendation carries: what was measured, over which days, what the resource costs
// now and after the fix, and how the saving was worked out. Stored as JSON on the recommendation; this
// schema is the contract between the detectors that write it and the pages and API that show it.
import { z } from "zod";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, "expected a decimal amount");

export const metricSeriesSchema = z.object({
  /** stored metric name, e.g. "AWS/EC2/CPUUtilization" */
  metric: z.string(),
  /** what a person reads, e.g. "CPU utilisation" */
  label: z.string(),
  unit: z.enum(["percent", "bytes", "count", "iops"]),
  days: z.array(
    z.object({
      day: isoDay,
      average: z.number().nullable(),
      maximum: z.number().nullable(),
      p95: z.number().nullable(),
      sum: z.number().nullable(),
    }),
  ),
});

export const priceEvidenceSchema = z.object({
  /** Price.kind, e.g. "EC2_INSTANCE_HOUR" */
  kind: z.string(),
  key: z.string(),
  region: z.string(),
  usdPerUnit: decimal,
  unit: z.string(),
  effectiveDate: isoDay,
});

export const evidenceSchema = z.object({
  /** one sentence: why this is waste */
  summary: z.string(),
  lookbackDays: z.number().int().positive(),
  window: z.object({ from: isoDay, to: isoDay }),
  /** the metric series the rule looked at, for the evidence charts */
  metrics: z.array(metricSeriesSchema),
  prices: z.array(priceEvidenceSchema),
  /** how the monthly saving was computed, in words and numbers (730 hours a month) */
  formula: z.string(),
  currentMonthlyCost: decimal,
  projectedMonthlyCost: decimal,
  monthlySaving: decimal,
  /** other facts shown as a list: state, type, launch date, ASG membership, connections seen, ... */
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  /** the fix in words, e.g. "Delete the aws_instance block" or "Change instance_type to m5.large" */
  fix: z.string(),
  /** where detection had to estimate (e.g. NAT traffic split without flow logs) */
  estimated: z.boolean().default(false),
});

export type Evidence = z.infer<typeof evidenceSchema>;
export type MetricSeries = z.infer<typeof metricSeriesSchema>;
