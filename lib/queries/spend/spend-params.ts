// The query strings of the spend API and pages: ISO days, `to` exclusive as in Cost Explorer, at most 400
// days; without dates, the last 30 days ending with the newest cost day. Messages name the parameter and
// the expected form, never the raw input.
import { z } from "zod";
import { plainText } from "../../validation/plain-text";
import type { PrismaClient } from "../../db/generated/client";
import { addDays, fromIsoDay, toIsoDay, todayUtc, type IsoDay } from "../../format/dates";

export const MAX_WINDOW_DAYS = 400;
export const DEFAULT_WINDOW_DAYS = 30;

function isRealDay(value: string): boolean {
  const date = fromIsoDay(value);
  return !Number.isNaN(date.getTime()) && toIsoDay(date) === value;
}

function isoDay(name: string) {
  return z
    .string({ error: `${name} must be a date as YYYY-MM-DD` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a date as YYYY-MM-DD`)
    .refine(isRealDay, `${name} must be a real calendar date (YYYY-MM-DD)`);
}

const optionalParam = (schema: z.ZodType<string>) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

export const spendWindowQuerySchema = z.object({
  from: optionalParam(isoDay("from")),
  to: optionalParam(isoDay("to")),
});

export const groupBySchema = z.enum(["namespace", "service"], { error: 'groupBy must be "namespace" or "service"' });

export const squadSpendQuerySchema = spendWindowQuerySchema.extend({
  groupBy: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    groupBySchema.default("namespace"),
  ),
});

// A slug is the team tag's value, so any text, but no control character (Postgres refuses NUL in text).
export const squadSlugSchema = plainText()
  .min(1, "squad must not be empty")
  .max(200, "squad must be at most 200 characters");

export type SpendWindowQuery = z.infer<typeof spendWindowQuerySchema>;
export type SquadSpendQuery = z.infer<typeof squadSpendQuerySchema>;
export type SpendGroupBy = z.infer<typeof groupBySchema>;

export interface ResolvedWindow {
  /** inclusive */
  from: IsoDay;
  /** exclusive */
  to: IsoDay;
}

/** Bad input the caller can fix; the message is safe to return as is. */
export class SpendParamsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SpendParamsError";
  }
}

/** The first issue of a failed parse, as one sentence. */
export function describeParamsError(error: z.ZodError): string {
  return error.issues[0]?.message ?? "invalid query string";
}

/** Reads a URLSearchParams (or a page's searchParams object) into the given schema's input shape. */
export function searchParamsObject(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const entries =
    params instanceof URLSearchParams
      ? [...params.keys()].map((key) => [key, params.get(key)] as const)
      : Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value] as const);
  return Object.fromEntries(entries);
}

function daysBetween(from: IsoDay, to: IsoDay): number {
  return Math.round((fromIsoDay(to).getTime() - fromIsoDay(from).getTime()) / 86_400_000);
}

/** Checks a window: from before to, at most 400 days. Throws SpendParamsError. */
export function checkWindow(window: ResolvedWindow): ResolvedWindow {
  if (window.from >= window.to) throw new SpendParamsError("from must be before to (to is exclusive)");
  if (daysBetween(window.from, window.to) > MAX_WINDOW_DAYS) {
    throw new SpendParamsError(`the window must be at most ${MAX_WINDOW_DAYS} days`);
  }
  return window;
}

/** Fills in missing dates (the 30 days ending with the newest cost day) and checks the window. */
export async function resolveSpendWindow(prisma: PrismaClient, query: SpendWindowQuery): Promise<ResolvedWindow> {
  let to = query.to;
  if (!to) {
    if (query.from) {
      to = addDays(query.from, DEFAULT_WINDOW_DAYS);
    } else {
      // ORDER BY day DESC LIMIT 1 reads one entry of the day index; an aggregate may scan the table.
      const newest = await prisma.costDaily.findFirst({ select: { day: true }, orderBy: { day: "desc" } });
      to = addDays(newest ? toIsoDay(newest.day) : todayUtc(), 1);
    }
  }
  const from = query.from ?? addDays(to, -DEFAULT_WINDOW_DAYS);
  return checkWindow({ from, to });
}

/** The same-length window just before. */
export function previousWindow(window: ResolvedWindow): ResolvedWindow {
  const length = daysBetween(window.from, window.to);
  return { from: addDays(window.from, -length), to: window.from };
}

export function daysOf(window: ResolvedWindow): IsoDay[] {
  const days: IsoDay[] = [];
  for (let day = window.from; day < window.to; day = addDays(day, 1)) days.push(day);
  return days;
}
