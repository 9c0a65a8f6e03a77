import { describe, expect, it } from "vitest";
import { monthBounds, monthLabel, nextMonth, parseReviewMonth, previousMonth } from "@/lib/review/review-month";

describe("review months", () => {
  it("bounds a month as UTC days, the end exclusive", () => {
    expect(monthBounds("2026-10")).toEqual({ month: "2026-10", from: "2026-10-01", to: "2026-11-01", days: 31 });
    expect(monthBounds("2028-02").days).toBe(29);
    expect(monthBounds("2026-12").to).toBe("2027-01-01");
    expect(previousMonth("2026-01").month).toBe("2025-12");
    expect(nextMonth("2026-12").month).toBe("2027-01");
    expect(monthLabel("2026-10")).toBe("October 2026");
  });

  it("accepts YYYY-MM in a sane range", () => {
    expect(parseReviewMonth("2026-10")).toEqual({ ok: true, month: "2026-10" });
  });

  it.each([
    ["2026-13", "the month must be between 2000-01 and 2099-12"],
    ["2026-00", "the month must be between 2000-01 and 2099-12"],
    ["1999-12", "the month must be between 2000-01 and 2099-12"],
    ["2026-1", "the month must be written YYYY-MM, e.g. 2026-10"],
    ["<script>", "the month must be written YYYY-MM, e.g. 2026-10"],
    ["2026-10-01", "the month must be written YYYY-MM, e.g. 2026-10"],
  ])("refuses %s without echoing it", (raw, message) => {
    const parsed = parseReviewMonth(raw);
    expect(parsed).toEqual({ ok: false, error: message });
  });
});
