// GetCostForecast: the mean final daily cost of the last 14 days (after the filter), carried forward,
// with an 80% prediction interval of +/-10% (widening with the interval level asked for).
import { addDays } from "../../../org/days";
import { forEachCostLineOf } from "../../../org/costs";
import { formatMicros } from "../../../org/micros";
import type { Organisation } from "../../../org/model";
import type { CostLine } from "../../../org/costs";
import { candidateSources } from "./candidate-sources";
import { compileFilter } from "./filter";
import {
  invalid,
  optionalInteger,
  optionalObject,
  optionalString,
  requiredString,
  timePeriod,
  type Json,
} from "./input";
import { daysOf, parseGranularity, timeBuckets } from "./time-buckets";

const LOOKBACK_DAYS = 14;
const MAX_FORECAST_DAYS = 366;

const FORECAST_METRICS: Record<string, (line: CostLine) => number> = {
  UNBLENDED_COST: (l) => l.unblendedMicros,
  BLENDED_COST: (l) => l.unblendedMicros,
  AMORTIZED_COST: (l) => l.amortizedMicros,
  NET_AMORTIZED_COST: (l) => l.amortizedMicros,
  NET_UNBLENDED_COST: (l) => l.netUnblendedMicros,
  USAGE_QUANTITY: (l) => Math.round(l.usageQuantity * 1e6),
  NORMALIZED_USAGE_AMOUNT: (l) => Math.round(l.usageQuantity * 1e6),
};

export function getCostForecast(input: Json, org: Organisation): Json {
  const period = timePeriod(input);
  const metric = requiredString(input, "Metric");
  const measure = FORECAST_METRICS[metric];
  if (!measure) throw invalid(`Metric ${metric} is not one of ${Object.keys(FORECAST_METRICS).join(", ")}`);
  const granularity = parseGranularity(optionalString(input, "Granularity"));
  const level = optionalInteger(input, "PredictionIntervalLevel", 51, 99) ?? 80;
  if (period.start < org.today) throw invalid(`Start date must be equal to or after the current date ${org.today}`);
  if (period.end > addDays(org.today, MAX_FORECAST_DAYS))
    throw invalid("End date must be within 12 months of the current date");
  const expression = optionalObject(input, "Filter");
  const filter = expression ? compileFilter(expression) : undefined;
  const sources = candidateSources(org, filter);

  let lookbackTotal = 0;
  for (let i = 1; i <= LOOKBACK_DAYS; i++) {
    forEachCostLineOf(
      org,
      addDays(org.today, -i),
      sources,
      (line) => {
        if (!filter || filter.matches(line)) lookbackTotal += measure(line);
      },
      { final: true },
    );
  }
  const perDay = Math.round(lookbackTotal / LOOKBACK_DAYS);
  const spreadPerMille = Math.round(100 + (level - 80) * 5);
  const bound = (amount: number, sign: 1 | -1) =>
    formatMicros(Math.round(amount + (sign * amount * spreadPerMille) / 1000));

  let total = 0;
  const results = timeBuckets(period, granularity).map((bucket) => {
    const amount = perDay * daysOf(bucket).length;
    total += amount;
    return {
      TimePeriod: { Start: bucket.start, End: bucket.end },
      MeanValue: formatMicros(amount),
      PredictionIntervalLowerBound: bound(amount, -1),
      PredictionIntervalUpperBound: bound(amount, 1),
    };
  });
  const unit = metric.includes("USAGE") ? "N/A" : "USD";
  return { Total: { Amount: formatMicros(total), Unit: unit }, ForecastResultsByTime: results };
}
