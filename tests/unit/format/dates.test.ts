import { describe, expect, it } from "vitest";
import { addDays, firstOfMonth, formatDay, fromIsoDay, toIsoDay } from "@/lib/format/dates";

describe("UTC days", () => {
  it("round-trips a day through Date at UTC midnight", () => {
    expect(toIsoDay(fromIsoDay("2026-10-31"))).toBe("2026-10-31");
    expect(fromIsoDay("2026-10-31").toISOString()).toBe("2026-10-31T00:00:00.000Z");
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-10-31", 1)).toBe("2026-11-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });

  it("finds the 1st of a day's month and of months before and after it, across years", () => {
    expect(firstOfMonth("2026-01-31")).toBe("2026-01-01");
    expect(firstOfMonth("2026-01-31", 1)).toBe("2026-02-01");
    expect(firstOfMonth("2026-12-15", 1)).toBe("2027-01-01");
    expect(firstOfMonth("2026-01-15", -1)).toBe("2025-12-01");
    expect(firstOfMonth("2026-11-20", -12)).toBe("2025-11-01");
  });

  it("labels a day without shifting it into a local zone", () => {
    expect(formatDay("2026-11-01")).toBe("1 Nov");
  });
});
