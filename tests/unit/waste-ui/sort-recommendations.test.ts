import { describe, expect, it } from "vitest";
import type { RecommendationItem } from "@/components/waste/recommendation-schemas";
import { compareDecimals, sortRecommendations, sumDecimals } from "@/components/waste/sort-recommendations";

function item(id: string, overrides: Partial<RecommendationItem> = {}): RecommendationItem {
  return {
    id,
    type: "ZOMBIE_INSTANCE",
    resourceId: `i-${id}`,
    accountId: "111122223333",
    region: "us-east-1",
    squad: null,
    status: "OPEN",
    monthlySaving: "0",
    currentMonthlyCost: "0",
    projectedMonthlyCost: "0",
    terraformAddress: null,
    detectedAt: "2026-11-20T00:00:00.000Z",
    ...overrides,
  };
}

describe("exact decimal comparison", () => {
  it("orders amounts a float would confuse", () => {
    expect(compareDecimals("0.1", "0.10")).toBe(0);
    expect(compareDecimals("9.9", "10")).toBe(-1);
    expect(compareDecimals("90071992547409.93", "90071992547409.92")).toBe(1);
    expect(compareDecimals("0.30000000000000001", "0.3")).toBe(1);
    expect(compareDecimals("-1.5", "-1.25")).toBe(-1);
    expect(compareDecimals("-0.5", "0.1")).toBe(-1);
    expect(compareDecimals("12", "-12")).toBe(1);
  });

  it("sums to the cent and beyond without floats", () => {
    expect(sumDecimals([])).toBe("0");
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(sumDecimals(["280.32", "19.6825", "-0.0025"])).toBe("300.0000");
    expect(sumDecimals(["-1", "0.25"])).toBe("-0.75");
    expect(sumDecimals(["90071992547409.93", "0.07"])).toBe("90071992547410.00");
  });
});

describe("sorting loaded recommendations", () => {
  const items = [
    item("a", { monthlySaving: "9.99", currentMonthlyCost: "100", squad: "search", region: "eu-west-1" }),
    item("b", { monthlySaving: "100.5", currentMonthlyCost: "100.5", squad: null, region: "us-east-1" }),
    item("c", { monthlySaving: "10", currentMonthlyCost: "10", squad: "checkout", region: "us-east-1" }),
  ];

  it("sorts money exactly in either direction", () => {
    expect(sortRecommendations(items, { key: "saving", direction: "desc" }).map((i) => i.id)).toEqual(["b", "c", "a"]);
    expect(sortRecommendations(items, { key: "saving", direction: "asc" }).map((i) => i.id)).toEqual(["a", "c", "b"]);
  });

  it("breaks ties by id and puts unallocated squads last when ascending", () => {
    expect(sortRecommendations(items, { key: "current", direction: "desc" }).map((i) => i.id)).toEqual(["b", "a", "c"]);
    expect(sortRecommendations(items, { key: "region", direction: "asc" }).map((i) => i.id)).toEqual(["a", "b", "c"]);
    expect(sortRecommendations(items, { key: "squad", direction: "asc" }).map((i) => i.id)).toEqual(["c", "a", "b"]);
  });

  it("leaves the input untouched", () => {
    const before = items.map((i) => i.id);
    sortRecommendations(items, { key: "resource", direction: "desc" });
    expect(items.map((i) => i.id)).toEqual(before);
  });
});
