// Day arithmetic on "YYYY-MM-DD" UTC strings. Everything goes through epoch-day numbers, so no local time
// zone or daylight-saving shift can move a day.
import type { Day } from "./model";

const MS_PER_DAY = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(text: string): boolean {
  if (!DAY_PATTERN.test(text)) return false;
  const n = dayNumber(text);
  return Number.isFinite(n) && dayFromNumber(n) === text;
}

/** Days since 1970-01-01. */
export function dayNumber(day: Day): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY);
}

export function dayFromNumber(n: number): Day {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(day: Day, n: number): Day {
  return dayFromNumber(dayNumber(day) + n);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
  return dayNumber(to) - dayNumber(from);
}

export function firstOfMonth(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

export function addMonths(day: Day, n: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + n);
  return date.toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(day: Day): number {
  return (dayNumber(day) + 4) % 7;
}

export function todayUtc(): Day {
  return new Date().toISOString().slice(0, 10);
}

export function maxDay(a: Day, b: Day): Day {
  return a > b ? a : b;
}

export function minDay(a: Day, b: Day): Day {
  return a < b ? a : b;
}
