// Which days a metrics run fetches for one resource. A resource with nothing stored yet (the first run,
// or new to the inventory) gets the whole backfill; later runs start at its newest stored day (re-fetched,
// in case it was written from partial data). A resource silent for longer than the backfill (stopped, say)
// is not chased further back than that. GetMetricData is billed per metric requested, not per datapoint,
// so a longer window costs nothing more; and an interrupted run converges on the same rows when rerun.
import { addDays, type IsoDay } from "../../format/dates";

export interface MetricWindowPolicy {
  /** days fetched for a resource with nothing stored; at least the detectors' lookback (14 days) */
  backfillDays: number;
}

export const defaultMetricWindowPolicy: MetricWindowPolicy = { backfillDays: 30 };

/**
 * today: the current UTC day, the exclusive end of every window (CloudWatch's daily data ends at 00:00 UTC).
 * newest: the resource's newest stored day.
 */
export function metricFromDay(
  today: IsoDay,
  newest: IsoDay | undefined,
  policy: MetricWindowPolicy = defaultMetricWindowPolicy,
): IsoDay {
  const earliest = addDays(today, -policy.backfillDays);
  if (newest === undefined || newest < earliest) return earliest;
  const yesterday = addDays(today, -1);
  return newest < yesterday ? newest : yesterday;
}
