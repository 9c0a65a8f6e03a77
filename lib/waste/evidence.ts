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

/**
 * The fix as data, for the Terraform planner: what to resize to, which endpoints a VPC lacks and where they
 * attach, which Auto Scaling groups to schedule. Optional: evidence stored before it existed still parses.
 */
export const fixTargetSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("resize"),
    /** the Terraform argument that holds the size */
    attribute: z.enum(["instance_type", "instance_class"]),
    from: z.string(),
    to: z.string(),
    /** set when the target runs on another CPU architecture (Graviton): the image must change too */
    architectureChange: z.object({ from: z.string(), to: z.string() }).optional(),
  }),
  z.object({
    kind: z.literal("vpc-endpoints"),
    vpcId: z.string(),
    /** endpoint services the VPC lacks, e.g. ["s3", "dynamodb", "ecr.api", "ecr.dkr", "ssm"] */
    services: z.array(z.string()).min(1),
    /** route tables that send traffic through a NAT gateway: gateway endpoints attach to them */
    routeTableIds: z.array(z.string()),
    /** one private subnet per AZ: interface endpoints attach to them */
    subnetIds: z.array(z.string()),
    securityGroupIds: z.array(z.string()).optional(),
  }),
  z.object({
    kind: z.literal("schedule"),
    autoScalingGroupNames: z.array(z.string()).min(1),
    /** the EKS cluster whose node group the groups belong to, if any */
    clusterName: z.string().nullable(),
    minSize: z.number().int().nonnegative(),
    maxSize: z.number().int().nonnegative(),
    desiredCapacity: z.number().int().nonnegative(),
    /** hours of the day (0-23): off from offHoursStart, back on at offHoursEnd, on weekdays */
    offHoursStart: z.number().int().min(0).max(23),
    offHoursEnd: z.number().int().min(0).max(23),
    /** IANA time zone of the hours; null: UTC */
    timeZone: z.string().nullable(),
  }),
]);

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
  fixTarget: fixTargetSchema.optional(),
});

export type Evidence = z.infer<typeof evidenceSchema>;
export type FixTarget = z.infer<typeof fixTargetSchema>;
export type MetricSeries = z.infer<typeof metricSeriesSchema>;
