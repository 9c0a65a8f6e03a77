// Metric samples derived from utilisation profiles. Every metric is a series of 5-minute samples (EC2
// basic monitoring's resolution); each sample is a pure function of (resource, metric, sample time), so
// the same query always answers the same, and any period's statistics are computed from the samples it
// covers: a day's maximum is the maximum of its hours, its sum the sum of its hours, its average the
// average of its hours, and its p95 the p95 of its 288 samples.
import { SECONDS } from "./resource-times";
import { hashString } from "./random";

/** Samples exist in [start, end) (epoch seconds, 5-minute aligned). */
export interface SampleSeries {
  start: number;
  end: number;
  value(sampleStart: number): number;
}

/** The shape a profile promises over a long window: mean, 95th percentile and maximum of the samples. */
export interface Distribution {
  mean: number;
  p95: number;
  max: number;
}

/**
 * A piecewise-linear quantile function through (0, median/4), (0.5, median), (0.95, p95), (1, max), with
 * the median chosen so the mean comes out as asked (clamped where the profile is inconsistent). Samples
 * therefore never exceed `max`, and a zero profile gives exact zeros (an idle replica has 0 connections).
 */
export function quantile(d: Distribution, u: number): number {
  const max = Math.max(0, d.max);
  const p95 = Math.min(Math.max(0, d.p95), max);
  const median = Math.min(Math.max(0, (d.mean - 0.25 * p95 - 0.025 * max) / 0.5375), p95);
  const low = median / 4;
  if (u < 0.5) return low + (median - low) * (u / 0.5);
  if (u < 0.95) return median + (p95 - median) * ((u - 0.5) / 0.45);
  return p95 + (max - p95) * ((u - 0.95) / 0.05);
}

/** murmur3's finaliser: a well-mixed 32-bit value from a key and a sample index, mapped to [0, 1). */
function unitHash(key: number, index: number): number {
  let h = (key ^ Math.imul(index, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

function isBusinessHours(sampleStart: number): boolean {
  const date = new Date(sampleStart * 1000);
  const weekday = date.getUTCDay() >= 1 && date.getUTCDay() <= 5;
  const hour = date.getUTCHours();
  return weekday && hour >= 8 && hour < 19;
}

export interface ProfileOptions {
  /** Outside 08:00-19:00 on weekdays the resource idles in the lower half of its distribution. */
  businessHoursOnly?: boolean;
  /** Counts (connections) are whole numbers. */
  integer?: boolean;
}

export function profileSeries(
  seriesKey: string,
  distribution: Distribution,
  window: { start: number; end: number },
  options: ProfileOptions = {},
): SampleSeries {
  const key = hashString(seriesKey);
  return {
    ...window,
    value(sampleStart) {
      const u = unitHash(key, sampleStart / SECONDS.sample);
      const idle = options.businessHoursOnly === true && !isBusinessHours(sampleStart);
      const v = quantile(distribution, idle ? u * 0.5 : u);
      return options.integer ? Math.floor(v) : v;
    },
  };
}

const SAMPLES_PER_DAY = SECONDS.day / SECONDS.sample;

/**
 * A daily volume (NAT bytes) spread over the day's samples on a smooth diurnal curve peaking mid-afternoon
 * UTC: the weights sum to one, so a whole day's Sum is the volume the model says was processed that day.
 * The volume is asked for per day (and remembered), because it changes when, say, a VPC endpoint starts
 * carrying traffic the NAT gateway used to.
 */
export function dailyVolumeSeries(
  bytesOnDay: (dayStart: number) => number,
  window: { start: number; end: number },
): SampleSeries {
  const byDay = new Map<number, number>();
  return {
    ...window,
    value(sampleStart) {
      const dayStart = sampleStart - (sampleStart % SECONDS.day);
      let bytes = byDay.get(dayStart);
      if (bytes === undefined) byDay.set(dayStart, (bytes = bytesOnDay(dayStart)));
      const slot = (sampleStart % SECONDS.day) / SECONDS.sample;
      const weight = (1 + 0.5 * Math.sin(2 * Math.PI * (slot / SAMPLES_PER_DAY - 0.375))) / SAMPLES_PER_DAY;
      return bytes * weight;
    },
  };
}

export interface Aggregate {
  sampleCount: number;
  sum: number;
  minimum: number;
  maximum: number;
  values: number[]; // filled only when asked for, to compute percentiles
}

/** Statistics of the samples in [from, to); undefined when the series has none there (no datapoint). */
export function aggregate(series: SampleSeries, from: number, to: number, keepValues = false): Aggregate | undefined {
  const first = Math.max(from, series.start);
  const last = Math.min(to, series.end);
  const start = Math.ceil(first / SECONDS.sample) * SECONDS.sample;
  if (start >= last) return undefined;
  const values: number[] = [];
  let sum = 0;
  let minimum = Infinity;
  let maximum = -Infinity;
  let sampleCount = 0;
  for (let t = start; t < last; t += SECONDS.sample) {
    const v = series.value(t);
    if (keepValues) values.push(v);
    sampleCount++;
    sum += v;
    if (v < minimum) minimum = v;
    if (v > maximum) maximum = v;
  }
  return { sampleCount, sum, minimum, maximum, values };
}

/** The nearest-rank percentile CloudWatch reports for `pNN`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? 0;
}
