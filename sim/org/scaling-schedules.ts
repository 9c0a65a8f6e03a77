// Scheduled scaling (aws_autoscaling_schedule) as a fraction of a group's full capacity over a day. A
// schedule acts from its fromDay at each time its cron recurrence matches, setting desired capacity; the
// group runs at full size until the first action. Recurrences are read as UTC (a timeZone is ignored) and
// must use "*" for day of month and month, as off-hours schedules do; any other recurrence is ignored.
import { dayFromNumber, dayNumber } from "./days";
import type { Day, ScalingSchedule } from "./model";

const MINUTES_PER_DAY = 1440;
const DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface Cron {
  minutes: number[];
  hours: number[];
  daysOfWeek: Set<number>;
}

function parseField(field: string, min: number, max: number, names: readonly string[] = []): number[] | undefined {
  const values = new Set<number>();
  const value = (text: string): number => {
    const named = names.indexOf(text.toUpperCase());
    return named >= 0 ? named : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  };
  for (const part of field.split(",")) {
    const [range = "", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    const [from, to] =
      range === "*"
        ? [min, max]
        : range.includes("-")
          ? range.split("-").map(value)
          : [value(range), stepText ? max : value(range)];
    if (
      from === undefined ||
      to === undefined ||
      !Number.isInteger(from) ||
      !Number.isInteger(to) ||
      !Number.isInteger(step) ||
      step < 1
    )
      return undefined;
    if (from < min || to > max || from > to) return undefined;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

function parseCron(recurrence: string): Cron | undefined {
  const [minute, hour, dayOfMonth, month, dayOfWeek, ...rest] = recurrence.trim().split(/\s+/);
  if (rest.length > 0 || dayOfMonth !== "*" || month !== "*" || !minute || !hour || !dayOfWeek) return undefined;
  const minutes = parseField(minute, 0, 59);
  const hours = parseField(hour, 0, 23);
  const days = parseField(dayOfWeek, 0, 7, DAY_NAMES);
  if (!minutes || !hours || !days) return undefined;
  return { minutes, hours, daysOfWeek: new Set(days.map((d) => d % 7)) };
}

interface Action {
  minute: number; // minutes since the epoch
  capacity: number; // 0..1 of full size
}

/** The actions of all schedules from a week before `day` to its end, in time order. */
function actionsAround(schedules: ScalingSchedule[], fullSize: number, day: Day): Action[] {
  const actions: Action[] = [];
  const last = dayNumber(day);
  for (const schedule of schedules) {
    const cron = parseCron(schedule.recurrence);
    if (!cron) continue;
    const capacity = fullSize > 0 ? Math.min(1, Math.max(0, schedule.desiredCapacity / fullSize)) : 1;
    for (let n = last - 7; n <= last; n++) {
      if (dayFromNumber(n) < schedule.fromDay || !cron.daysOfWeek.has((n + 4) % 7)) continue;
      for (const hour of cron.hours)
        for (const minute of cron.minutes) actions.push({ minute: n * MINUTES_PER_DAY + hour * 60 + minute, capacity });
    }
  }
  return actions.sort((a, b) => a.minute - b.minute);
}

/** Average share of full capacity the group runs at over `day` (1 without schedules). */
export function capacityFractionOnDay(schedules: ScalingSchedule[] | undefined, fullSize: number, day: Day): number {
  if (!schedules || schedules.length === 0) return 1;
  const dayStart = dayNumber(day) * MINUTES_PER_DAY;
  const dayEnd = dayStart + MINUTES_PER_DAY;
  let capacity = 1;
  let at = dayStart;
  let integral = 0;
  for (const action of actionsAround(schedules, fullSize, day)) {
    if (action.minute < dayStart) {
      capacity = action.capacity;
      continue;
    }
    if (action.minute >= dayEnd) break;
    integral += capacity * (action.minute - at);
    at = action.minute;
    capacity = action.capacity;
  }
  integral += capacity * (dayEnd - at);
  return integral / MINUTES_PER_DAY;
}
