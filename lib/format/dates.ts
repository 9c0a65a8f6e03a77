// Cost days are UTC calendar dates. Postgres `date` columns come back from Prisma as Date objects at UTC
// midnight; these helpers keep them as "YYYY-MM-DD" strings everywhere above the database.

export type IsoDay = string;

export function toIsoDay(date: Date): IsoDay {
  return date.toISOString().slice(0, 10);
}

export function fromIsoDay(day: IsoDay): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addDays(day: IsoDay, days: number): IsoDay {
  const date = fromIsoDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return toIsoDay(date);
}

/** The 1st of `day`'s month, or of the month `monthsLater` after it (negative: before). */
export function firstOfMonth(day: IsoDay, monthsLater = 0): IsoDay {
  const date = fromIsoDay(`${day.slice(0, 7)}-01`);
  date.setUTCMonth(date.getUTCMonth() + monthsLater);
  return toIsoDay(date);
}

export function todayUtc(now = new Date()): IsoDay {
  return toIsoDay(now);
}

const dayLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const dateTimeLabel = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** "3 Nov" */
export function formatDay(day: IsoDay): string {
  return dayLabel.format(fromIsoDay(day));
}

/** "25 Nov 2026, 20:52 UTC" */
export function formatDateTime(date: Date): string {
  return `${dateTimeLabel.format(date)} UTC`;
}
