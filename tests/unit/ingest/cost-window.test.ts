import { describe, expect, it } from "vitest";
import { costWindow, monthChunks } from "@/lib/ingest/cost-explorer/cost-window";

describe("costWindow", () => {
  it("backfills 13 whole months on the first run", () => {
    expect(costWindow("2026-11-20", { newestDay: null, oldestStaleMonth: null, oldestEstimatedDay: null })).toEqual({
      from: "2025-11-01",
      to: "2026-11-20",
    });
  });

  it("re-fetches the restated days, and the previous month until its invoice settles", () => {
    expect(
      costWindow("2026-11-20", { newestDay: "2026-11-19", oldestStaleMonth: null, oldestEstimatedDay: null }),
    ).toEqual({
      from: "2026-11-15",
      to: "2026-11-20",
    });
    expect(
      costWindow("2026-11-03", { newestDay: "2026-11-02", oldestStaleMonth: null, oldestEstimatedDay: null }),
    ).toEqual({
      from: "2026-10-01",
      to: "2026-11-03",
    });
  });

  it("closes a gap since the newest stored day", () => {
    expect(
      costWindow("2026-11-20", { newestDay: "2026-11-01", oldestStaleMonth: null, oldestEstimatedDay: null }).from,
    ).toBe("2026-11-02");
  });

  it("fetches whole months again from the oldest one stored without today's usage groups", () => {
    expect(
      costWindow("2026-11-20", { newestDay: "2026-11-19", oldestStaleMonth: "2026-03-01", oldestEstimatedDay: null })
        .from,
    ).toBe("2026-03-01");
    // Older than Cost Explorer keeps: from the backfill's first month.
    expect(
      costWindow("2026-11-20", { newestDay: "2026-11-19", oldestStaleMonth: "2024-01-01", oldestEstimatedDay: null })
        .from,
    ).toBe("2025-11-01");
  });
});

describe("costWindow: estimated days", () => {
  it("fetches a day stored as estimated again, however long since the last run", () => {
    // A run four days ago stored 2026-11-14..16 as estimated; today's trailing window starts later.
    const stored = { newestDay: "2026-11-16", oldestStaleMonth: null, oldestEstimatedDay: "2026-11-14" };
    expect(costWindow("2026-11-25", stored)).toEqual({ from: "2026-11-14", to: "2026-11-25" });
  });
});

describe("monthChunks", () => {
  it("splits a window at month boundaries", () => {
    expect(monthChunks({ from: "2026-09-15", to: "2026-11-03" })).toEqual([
      { from: "2026-09-15", to: "2026-10-01" },
      { from: "2026-10-01", to: "2026-11-01" },
      { from: "2026-11-01", to: "2026-11-03" },
    ]);
  });
});
