// The month a review is about: "YYYY-MM" from a URL, checked with zod (a real month, 2000-01 to 2099-12),
// and its calendar bounds as UTC days (`to` exclusive, as in Cost Explorer).
import { z } from "zod";
import { addDays, firstOfMonth, fromIsoDay, type IsoDay } from "../format/dates";

export const reviewMonthSchema = z
  .string({ error: "the month must be written YYYY-MM, e.g. 2026-10" })
  .regex(/^\d{4}-\d{2}$/, "the month must be written YYYY-MM, e.g. 2026-10")
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    const month = Number(value.slice(5, 7));
    return year >= 2000 && year <= 2099 && month >= 1 && month <= 12;
  }, "the month must be between 2000-01 and 2099-12");

export interface MonthBounds {
  /** "2026-10" */
  month: string;
  /** the 1st of the month */
  from: IsoDay;
  /** the 1st of the next month (exclusive) */
  to: IsoDay;
  days: number;
}

export function monthBounds(month: string): MonthBounds {
  const from = `${month}-01`;
  const to = firstOfMonth(from, 1);
  return { month, from, to, days: Math.round((fromIsoDay(to).getTime() - fromIsoDay(from).getTime()) / 86_400_000) };
}

export function previousMonth(month: string): MonthBounds {
  return monthBounds(addDays(`${month}-01`, -1).slice(0, 7));
}

export function nextMonth(month: string): MonthBounds {
  return monthBounds(monthBounds(month).to.slice(0, 7));
}

/** "October 2026" */
export function monthLabel(month: string): string {
  return new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    fromIsoDay(`${month}-01`),
  );
}

export type ParsedMonth = { ok: true; month: string } | { ok: false; error: string };

/** A URL segment as a review month; the error names the expected form and never echoes the input. */
export function parseReviewMonth(raw: string): ParsedMonth {
  const parsed = reviewMonthSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, month: parsed.data }
    : { ok: false, error: parsed.error.issues[0]?.message ?? "invalid month" };
}
