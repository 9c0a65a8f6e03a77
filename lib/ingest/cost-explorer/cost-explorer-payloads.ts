// The parts of Cost Explorer's answers that CostLens stores, as zod schemas.
import { z } from "zod";

export const decimalString = z.string().regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/, "expected a decimal amount");
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a YYYY-MM-DD date");

const metric = z.object({ Amount: decimalString, Unit: z.string().optional() });

export const costAndUsagePage = z.object({
  NextPageToken: z.string().optional(),
  ResultsByTime: z.array(
    z.object({
      TimePeriod: z.object({ Start: isoDay, End: isoDay }),
      Estimated: z.boolean().optional(),
      Groups: z.array(
        z.object({
          Keys: z.array(z.string()).length(2, "expected two group keys"),
          Metrics: z.object({ UnblendedCost: metric, AmortizedCost: metric }),
        }),
      ),
    }),
  ),
});

export type CostAndUsagePage = z.infer<typeof costAndUsagePage>;

/** GetDimensionValues, with the shape each value of the dimension asked for must have. */
export function dimensionValuesPage(value: z.ZodType<string>) {
  return z.object({
    NextPageToken: z.string().optional(),
    DimensionValues: z.array(z.object({ Value: value, Attributes: z.record(z.string(), z.string()).optional() })),
  });
}

export const accountId = z.string().regex(/^\d{12}$/, "expected a 12-digit account id");

/** A usage type such as "USE1-NatGateway-Bytes": printable, no whitespace. */
export const usageType = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, "expected a usage type without spaces or control characters");

/** GetCostForecast: the total, and per bucket the mean and the prediction interval asked for. */
export const costForecastResponse = z.object({
  Total: metric,
  ForecastResultsByTime: z
    .array(
      z.object({
        TimePeriod: z.object({ Start: isoDay, End: isoDay }),
        MeanValue: decimalString,
        PredictionIntervalLowerBound: decimalString.optional(),
        PredictionIntervalUpperBound: decimalString.optional(),
      }),
    )
    .min(1, "expected at least one forecast period"),
});

export type CostForecastResponse = z.infer<typeof costForecastResponse>;
