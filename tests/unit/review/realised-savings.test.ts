import { describe, expect, it } from "vitest";
import { realisedSavings, type ReviewPullRequest } from "@/lib/review/realised-savings";
import { monthBounds } from "@/lib/review/review-month";

const pr = (id: string, fields: Partial<ReviewPullRequest>): ReviewPullRequest => ({
  id,
  title: `Remove ${id}`,
  repo: "acme/infra",
  number: Number(id.slice(2)),
  url: null,
  mergedAt: null,
  realisedAt: null,
  projectedSaving: "0",
  realisedSaving: null,
  ...fields,
});

const pullRequests = [
  // merged and realised in September
  pr("pr1", {
    mergedAt: new Date("2026-09-10T10:00:00Z"),
    realisedAt: new Date("2026-09-20T00:00:00Z"),
    projectedSaving: "100",
    realisedSaving: "95.5",
  }),
  // merged in September, realised in October
  pr("pr2", {
    mergedAt: new Date("2026-09-29T23:59:59Z"),
    realisedAt: new Date("2026-10-05T00:00:00Z"),
    projectedSaving: "40",
    realisedSaving: "41.25",
  }),
  // merged at the first instant of October, not yet measured
  pr("pr3", { mergedAt: new Date("2026-10-01T00:00:00Z"), projectedSaving: "60.10" }),
  // merged at the last instant of October, realised in November
  pr("pr4", {
    mergedAt: new Date("2026-10-31T23:59:59.999Z"),
    realisedAt: new Date("2026-11-03T00:00:00Z"),
    projectedSaving: "10",
    realisedSaving: "9",
  }),
  // open
  pr("pr5", { projectedSaving: "500" }),
];

describe("realised savings", () => {
  it("counts October's merges, the savings realised in October and the cumulative total to its end", () => {
    const october = realisedSavings(pullRequests, monthBounds("2026-10"));
    expect(october.merged.map((item) => item.id)).toEqual(["pr3", "pr4"]);
    expect(october).toMatchObject({
      mergedCount: 2,
      mergedProjectedSaving: "70.1",
      realisedThisMonth: "41.25",
      realisedThisMonthCount: 1,
      cumulativeRealised: "136.75",
      cumulativeRealisedCount: 2,
    });
  });

  it("grows the cumulative figure month by month and is zero before the first", () => {
    expect(realisedSavings(pullRequests, monthBounds("2026-11"))).toMatchObject({
      mergedCount: 0,
      realisedThisMonth: "9",
      cumulativeRealised: "145.75",
    });
    expect(realisedSavings(pullRequests, monthBounds("2026-08"))).toMatchObject({
      mergedCount: 0,
      realisedThisMonth: "0",
      cumulativeRealised: "0",
      cumulativeRealisedCount: 0,
    });
  });
});
