// The parts of CloudWatch's answers that the metrics ingest reads, as zod schemas (checked before anything
// is written). The SDK has already turned epoch timestamps into Dates.
import { z } from "zod";

const dimension = z.object({ Name: z.string().min(1), Value: z.string().min(1) });
export type Dimension = z.infer<typeof dimension>;

export const listMetricsPage = z.object({
  NextToken: z.string().optional(),
  Metrics: z
    .array(
      z.object({
        Namespace: z.string().min(1),
        MetricName: z.string().min(1),
        Dimensions: z.array(dimension).default([]),
      }),
    )
    .default([]),
});

const metricDataResult = z
  .object({
    Id: z.string().min(1),
    Timestamps: z.array(z.date()).default([]),
    Values: z.array(z.number()).default([]),
    StatusCode: z.enum(["Complete", "PartialData", "InternalError", "Forbidden"]),
    Messages: z.array(z.object({ Code: z.string().optional(), Value: z.string().optional() })).optional(),
  })
  .refine((result) => result.Timestamps.length === result.Values.length, {
    message: "expected as many Values as Timestamps",
    path: ["Values"],
  });

export const metricDataPage = z.object({
  NextToken: z.string().optional(),
  MetricDataResults: z.array(metricDataResult),
});

export type MetricDataPage = z.infer<typeof metricDataPage>;
