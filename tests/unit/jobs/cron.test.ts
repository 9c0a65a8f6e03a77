import { describe, expect, it } from "vitest";
import { CronError, cronMatches, latestSlot, parseCron } from "@/lib/jobs/cron";

const at = (iso: string) => new Date(iso);

describe("cron schedules", () => {
  it("finds the latest slot at or before now", () => {
    const everySixHours = parseCron("15 */6 * * *");
    expect(latestSlot(everySixHours, at("2026-11-25T13:02:31Z"))?.toISOString()).toBe("2026-11-25T12:15:00.000Z");
    expect(latestSlot(everySixHours, at("2026-11-25T12:15:00Z"))?.toISOString()).toBe("2026-11-25T12:15:00.000Z");
    expect(latestSlot(everySixHours, at("2026-11-25T00:10:00Z"))?.toISOString()).toBe("2026-11-24T18:15:00.000Z");
  });

  it("handles weekly and monthly schedules across boundaries", () => {
    // Mondays at 03:00: 2026-11-25 is a Wednesday.
    expect(latestSlot(parseCron("0 3 * * 1"), at("2026-11-25T10:00:00Z"))?.toISOString()).toBe(
      "2026-11-23T03:00:00.000Z",
    );
    // The 1st of each month at 06:30, seen from the 1st before 06:30.
    expect(latestSlot(parseCron("30 6 1 * *"), at("2026-12-01T06:00:00Z"))?.toISOString()).toBe(
      "2026-11-01T06:30:00.000Z",
    );
  });

  it("treats Sunday as 0 or 7 and matches either restricted day field", () => {
    expect(cronMatches(parseCron("0 0 * * 7"), at("2026-11-29T00:00:00Z"))).toBe(true);
    const either = parseCron("0 0 1 * 1");
    expect(cronMatches(either, at("2026-12-01T00:00:00Z"))).toBe(true); // the 1st, a Tuesday
    expect(cronMatches(either, at("2026-11-30T00:00:00Z"))).toBe(true); // a Monday
    expect(cronMatches(either, at("2026-11-29T00:00:00Z"))).toBe(false);
  });

  it("supports ranges, steps and lists", () => {
    const schedule = parseCron("0,30 8-18/2 * 1-6 1-5");
    expect([...schedule.hours]).toEqual([8, 10, 12, 14, 16, 18]);
    expect([...schedule.minutes]).toEqual([0, 30]);
  });

  it("says what is wrong with a bad expression", () => {
    expect(() => parseCron("* * *")).toThrow(CronError);
    expect(() => parseCron("61 * * * *")).toThrow(/"61" is outside 0-59 in the minute field/);
    expect(() => parseCron("* * * * mon")).toThrow(/cannot read "mon" in the day of week field/);
  });
});
