import { describe, expect, it } from "vitest";
import { addDays, formatDay, fromIsoDay, toIsoDay } from "@/lib/format/dates";

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

  it("labels a day without shifting it into a local zone", () => {
    expect(formatDay("2026-11-01")).toBe("1 Nov");
  });
});
