// OpenCost's window and step parameters, at the sandbox's resolution of whole UTC days. Data covers the
// days before org.today, so "7d" is the seven days before today and "today" is empty.
import { addDays, addMonths, dayFromNumber, dayOfWeek, firstOfMonth, isDay } from "../../../org/days";
import type { Day } from "../../../org/model";
import { SimError } from "../../../server/types";

export interface DayWindow {
  start: Day;
  end: Day; // exclusive
}

const SECONDS_PER_DAY = 86_400;

function badRequest(message: string): SimError {
  return new SimError("BadRequest", message, 400);
}

/** "2026-10-01T00:00:00Z", "2026-10-01" or unix seconds, at a UTC midnight. */
function parseInstant(text: string): Day {
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    if (seconds % SECONDS_PER_DAY !== 0) throw badRequest(`window bound ${text} is not a UTC midnight`);
    return dayFromNumber(seconds / SECONDS_PER_DAY);
  }
  const match = /^(\d{4}-\d{2}-\d{2})(?:T00:00:00(?:\.0+)?(?:Z|\+00:00))?$/.exec(text);
  if (!match?.[1] || !isDay(match[1])) throw badRequest(`window bound ${text} must be an RFC3339 UTC midnight`);
  return match[1];
}

/** A duration such as "7d", "24h", "1w" in whole days. */
export function parseDays(text: string, what: string): number {
  const match = /^(\d+)([dhw])$/.exec(text);
  if (!match) throw badRequest(`${what} ${text} must look like 1d, 24h or 1w`);
  const amount = Number(match[1]);
  const days = match[2] === "w" ? amount * 7 : match[2] === "d" ? amount : amount / 24;
  if (!Number.isInteger(days) || days < 1) throw badRequest(`${what} ${text} must be a whole number of days`);
  return days;
}

export function parseWindow(text: string | null, today: Day): DayWindow {
  if (!text) throw badRequest("window is required");
  const startOfWeek = addDays(today, -dayOfWeek(today));
  switch (text) {
    case "today":
      return { start: today, end: addDays(today, 1) };
    case "yesterday":
      return { start: addDays(today, -1), end: today };
    case "week":
      return { start: startOfWeek, end: addDays(today, 1) };
    case "lastweek":
      return { start: addDays(startOfWeek, -7), end: startOfWeek };
    case "month":
      return { start: firstOfMonth(today), end: addDays(today, 1) };
    case "lastmonth":
      return { start: addMonths(firstOfMonth(today), -1), end: firstOfMonth(today) };
  }
  if (text.includes(",")) {
    const [startText = "", endText = ""] = text.split(",");
    const window = { start: parseInstant(startText.trim()), end: parseInstant(endText.trim()) };
    if (window.start >= window.end) throw badRequest("window start must be before its end");
    return window;
  }
  const days = parseDays(text, "window");
  return { start: addDays(today, -days), end: today };
}
