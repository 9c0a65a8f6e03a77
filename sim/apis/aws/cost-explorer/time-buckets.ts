// The ResultsByTime buckets of a request: days or calendar months, clipped to the days that have data.
import { addDays, addMonths, firstOfMonth, maxDay, minDay } from "../../../org/days";
import type { Day, Organisation } from "../../../org/model";
import { SimError } from "../../../server/types";
import { invalid, type TimePeriod } from "./input";

export type Granularity = "DAILY" | "MONTHLY";

export interface TimeBucket {
  start: Day;
  end: Day; // exclusive
}

export function parseGranularity(value: string | undefined): Granularity {
  if (value === "DAILY" || value === "MONTHLY") return value;
  if (value === "HOURLY")
    throw invalid("Hourly granularity is not enabled for this account. Enable it in Cost Management preferences.");
  throw invalid(
    `1 validation error detected: Value '${value ?? "null"}' at 'granularity' failed to satisfy constraint: Member must satisfy enum value set: [DAILY, MONTHLY, HOURLY]`,
  );
}

/** The requested period clipped to [org.start, org.today); DataUnavailableException when nothing is left. */
export function clipToData(org: Pick<Organisation, "start" | "today">, period: TimePeriod): TimePeriod {
  const start = maxDay(period.start, org.start);
  const end = minDay(period.end, org.today);
  if (start >= end)
    throw new SimError(
      "DataUnavailableException",
      "Data is not available. Please try to adjust the time period. If just enabled Cost Explorer, data might not be ingested yet",
    );
  return { start, end };
}

export function timeBuckets(period: TimePeriod, granularity: Granularity): TimeBucket[] {
  const buckets: TimeBucket[] = [];
  for (let start = period.start; start < period.end;) {
    const next = granularity === "DAILY" ? addDays(start, 1) : addMonths(firstOfMonth(start), 1);
    const end = minDay(next, period.end);
    buckets.push({ start, end });
    start = end;
  }
  return buckets;
}

export function daysOf(bucket: TimeBucket): Day[] {
  const days: Day[] = [];
  for (let day = bucket.start; day < bucket.end; day = addDays(day, 1)) days.push(day);
  return days;
}
