// Five-field cron expressions (minute hour day-of-month month day-of-week), evaluated in UTC. Enough of
// cron for job schedules: "*", "*/n", "a-b", "a-b/n", lists, and Sunday as 0 or 7. A day-of-month and a
// day-of-week that are both restricted match either, as in Vixie cron.
export class CronError extends Error {
  constructor(expression: string, reason: string) {
    super(`Invalid cron expression "${expression}": ${reason}`);
    this.name = "CronError";
  }
}

export interface CronSchedule {
  expression: string;
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
  dayOfMonthRestricted: boolean;
  dayOfWeekRestricted: boolean;
}

const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "day of week", min: 0, max: 7 },
] as const;

function parseField(expression: string, text: string, field: (typeof FIELDS)[number]): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new CronError(expression, `cannot read "${part}" in the ${field.name} field`);
    const [, range, low, high, stepText] = match;
    const step = stepText ? Number(stepText) : 1;
    const from = range === "*" ? field.min : Number(low);
    const to = range === "*" ? field.max : high !== undefined ? Number(high) : stepText ? field.max : from;
    if (step < 1 || from < field.min || to > field.max || from > to) {
      throw new CronError(expression, `"${part}" is outside ${field.min}-${field.max} in the ${field.name} field`);
    }
    for (let value = from; value <= to; value += step)
      values.add(field.name === "day of week" && value === 7 ? 0 : value);
  }
  return values;
}

export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new CronError(expression, `expected 5 fields, got ${parts.length}`);
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = parts.map((part, index) =>
    parseField(expression, part, FIELDS[index]!),
  ) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  return {
    expression,
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek,
    dayOfMonthRestricted: parts[2] !== "*",
    dayOfWeekRestricted: parts[4] !== "*",
  };
}

function dayMatches(schedule: CronSchedule, date: Date): boolean {
  const byMonthDay = schedule.daysOfMonth.has(date.getUTCDate());
  const byWeekDay = schedule.daysOfWeek.has(date.getUTCDay());
  if (schedule.dayOfMonthRestricted && schedule.dayOfWeekRestricted) return byMonthDay || byWeekDay;
  return byMonthDay && byWeekDay;
}

export function cronMatches(schedule: CronSchedule, date: Date): boolean {
  return (
    schedule.minutes.has(date.getUTCMinutes()) &&
    schedule.hours.has(date.getUTCHours()) &&
    schedule.months.has(date.getUTCMonth() + 1) &&
    dayMatches(schedule, date)
  );
}

/** The latest minute at or before `now` that the schedule fires on, looking back at most `lookbackDays`. */
export function latestSlot(schedule: CronSchedule, now: Date, lookbackDays = 366): Date | null {
  const cursor = new Date(now);
  cursor.setUTCSeconds(0, 0);
  const earliest = now.getTime() - lookbackDays * 86_400_000;
  while (cursor.getTime() >= earliest) {
    if (!schedule.months.has(cursor.getUTCMonth() + 1) || !dayMatches(schedule, cursor)) {
      // Skip the rest of this day at once: the minute-by-minute walk is only for matching days.
      cursor.setUTCHours(0, 0, 0, 0);
      cursor.setUTCMinutes(-1);
      continue;
    }
    if (cronMatches(schedule, cursor)) return cursor;
    cursor.setUTCMinutes(cursor.getUTCMinutes() - 1);
  }
  return null;
}
