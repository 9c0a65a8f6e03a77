import { describe, expect, it } from "vitest";
import { monthBounds } from "@/lib/review/review-month";
import { projectMonth } from "@/lib/review/trend-forecast";
import { cleanUpLeaderboard, wasteFound, UNOWNED, type ReviewRecommendation } from "@/lib/review/waste-figures";

const october = monthBounds("2026-10");

const rec = (id: string, fields: Partial<ReviewRecommendation>): ReviewRecommendation => ({
  id,
  type: "ZOMBIE_INSTANCE",
  status: "OPEN",
  squad: "checkout",
  accountId: "111111111111",
  region: "eu-west-1",
  resourceId: id,
  monthlySaving: "10",
  detectedAt: new Date("2026-09-15T00:00:00Z"),
  resolvedAt: null,
  ...fields,
});

const recommendations = [
  rec("i-1", { monthlySaving: "100" }),
  // the same instance as a rightsizing candidate: counted once, at the zombie's larger saving
  rec("i-1b", { resourceId: "i-1", type: "RIGHTSIZING", monthlySaving: "40" }),
  rec("vol-1", { type: "ORPHAN_VOLUME", monthlySaving: "8.5", detectedAt: new Date("2026-10-20T00:00:00Z") }),
  rec("i-2", {
    squad: "search",
    status: "RESOLVED",
    monthlySaving: "30",
    resolvedAt: new Date("2026-10-10T00:00:00Z"),
  }),
  rec("i-3", {
    squad: "search",
    status: "REALISED",
    monthlySaving: "12",
    resolvedAt: new Date("2026-09-01T00:00:00Z"),
  }),
  rec("i-4", { squad: null, monthlySaving: "5" }),
  rec("i-5", { status: "DISMISSED", monthlySaving: "999" }),
  // found after October
  rec("i-6", { detectedAt: new Date("2026-11-02T00:00:00Z"), monthlySaving: "70" }),
];

describe("waste found", () => {
  it("counts findings detected by the month's end, each resource once, dismissed ones left out", () => {
    const found = wasteFound(recommendations, october);
    expect(found).toMatchObject({ findings: 5, newThisMonth: 1, monthlySaving: "155.5" });
    expect(found.foundSince).toEqual({ findings: 1, monthlySaving: "70" });
    expect(found.byType).toEqual([
      { key: "ZOMBIE_INSTANCE", findings: 4, newThisMonth: 0, monthlySaving: "147" },
      { key: "ORPHAN_VOLUME", findings: 1, newThisMonth: 1, monthlySaving: "8.5" },
    ]);
    expect(found.bySquad.map((row) => [row.key, row.findings, row.monthlySaving])).toEqual([
      ["checkout", 2, "108.5"],
      ["search", 2, "42"],
      [UNOWNED, 1, "5"],
    ]);
  });

  it("ranks squads by what they cleaned up in the month, then by the least left open", () => {
    expect(cleanUpLeaderboard(recommendations, october)).toEqual([
      { squad: "search", cleanedUp: 1, cleanedUpSaving: "30", open: 0, openSaving: "0" },
      { squad: UNOWNED, cleanedUp: 0, cleanedUpSaving: "0", open: 1, openSaving: "5" },
      { squad: "checkout", cleanedUp: 0, cleanedUpSaving: "0", open: 2, openSaving: "108.5" },
    ]);
  });
});

describe("trend projection of next month", () => {
  it("extends a straight line over the target month's days", () => {
    // 28 days rising by 1 a day: 1 .. 28 over Oct 4 .. Oct 31; November continues 29 .. 58
    const daily = Array.from({ length: 28 }, (_, index) => ({
      day: `2026-10-${String(index + 4).padStart(2, "0")}`,
      amount: String(index + 1),
    }));
    const projection = projectMonth(daily, "2026-10-31", monthBounds("2026-11"));
    expect(projection).toEqual({ amount: String(((29 + 58) * 30) / 2), trendDays: 28, lastDay: "2026-10-31" });
  });

  it("counts actual days already in the target month and never projects below zero", () => {
    const falling = Array.from({ length: 28 }, (_, index) => ({
      day: `2026-11-${String(index + 1).padStart(2, "0")}`,
      amount: String(28 - index),
    }));
    const projection = projectMonth(falling, "2026-11-28", monthBounds("2026-11"));
    // actual 28 + 27 + ... + 1 = 406; the line reaches 0 on the 29th and stays there
    expect(projection.amount).toBe("406");
  });
});
