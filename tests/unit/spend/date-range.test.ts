import { describe, expect, it } from "vitest";
import {
  choiceFromSearch,
  describeRange,
  isValidRange,
  lastDays,
  previousRange,
  rangeFromSearch,
  rangeLength,
  textFromSearch,
} from "@/components/charts/date-range";

const fallback = { from: "2026-10-02", to: "2026-11-01" };

describe("date ranges", () => {
  it("ends the last N days with the newest cost day, to exclusive", () => {
    expect(lastDays("2026-10-31", 30)).toEqual(fallback);
    expect(rangeLength(fallback)).toBe(30);
    expect(previousRange(fallback)).toEqual({ from: "2026-09-02", to: "2026-10-02" });
  });

  it("reads a valid range from the query string", () => {
    expect(rangeFromSearch({ from: "2026-09-01", to: "2026-10-01" }, fallback)).toEqual({
      from: "2026-09-01",
      to: "2026-10-01",
    });
    expect(rangeFromSearch({ from: ["2026-09-01", "x"], to: "2026-10-01" }, fallback).from).toBe("2026-09-01");
  });

  it("falls back on missing, malformed, impossible, reversed or too long ranges", () => {
    expect(rangeFromSearch({}, fallback)).toBe(fallback);
    expect(rangeFromSearch({ from: "2026-9-1", to: "2026-10-01" }, fallback)).toBe(fallback);
    expect(rangeFromSearch({ from: "2026-02-30", to: "2026-03-10" }, fallback)).toBe(fallback);
    expect(rangeFromSearch({ from: "2026-10-01", to: "2026-10-01" }, fallback)).toBe(fallback);
    expect(isValidRange({ from: "2024-01-01", to: "2026-01-01" })).toBe(false);
  });

  it("reads choices and filters leniently", () => {
    expect(choiceFromSearch({ groupBy: "service" }, "groupBy", ["namespace", "service"], "namespace")).toBe("service");
    expect(choiceFromSearch({ groupBy: "team" }, "groupBy", ["namespace", "service"], "namespace")).toBe("namespace");
    expect(textFromSearch({ namespace: "  checkout-api " }, "namespace")).toBe("checkout-api");
    expect(textFromSearch({ namespace: " " }, "namespace")).toBeNull();
  });

  it("describes a range by its first and last day", () => {
    expect(describeRange(fallback)).toBe("2 Oct 2026 – 31 Oct 2026");
  });
});
