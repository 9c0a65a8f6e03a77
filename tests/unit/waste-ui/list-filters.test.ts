import { describe, expect, it } from "vitest";
import {
  listSearch,
  readListFilters,
  readListSort,
  recommendationsApiUrl,
  sameFilters,
  type ListFilters,
} from "@/components/waste/list-filters";

const none: ListFilters = { type: null, squad: null, status: "OPEN" };

describe("list filters in the query string", () => {
  it("reads known values and ignores unknown or malformed ones", () => {
    expect(readListFilters({})).toEqual(none);
    expect(readListFilters({ type: "RIGHTSIZING", squad: "checkout", status: "DISMISSED" })).toEqual({
      type: "RIGHTSIZING",
      squad: "checkout",
      status: "DISMISSED",
    });
    expect(readListFilters({ type: "nope", squad: "Bad Squad!", status: "whatever" })).toEqual(none);
    expect(readListFilters(new URLSearchParams("status=ALL&squad=payments-eu"))).toEqual({
      type: null,
      squad: "payments-eu",
      status: "ALL",
    });
    expect(readListFilters({ squad: ["search", "checkout"] }).squad).toBe("search");
  });

  it("writes only what differs from the defaults", () => {
    expect(listSearch(none)).toBe("");
    expect(listSearch({ ...none, squad: "checkout", type: "NAT_WASTE" })).toBe("?type=NAT_WASTE&squad=checkout");
    expect(listSearch({ ...none, type: "NAT_WASTE" }, undefined, false)).toBe("");
    expect(listSearch({ ...none, status: "ALL" }, { key: "resource", direction: "asc" })).toBe(
      "?status=ALL&sort=resource&dir=asc",
    );
  });

  it("round-trips filters and sort through the query string", () => {
    const filters: ListFilters = { type: "IDLE_REPLICA", squad: "search", status: "IN_PROGRESS" };
    const sort = { key: "current", direction: "asc" } as const;
    const params = new URLSearchParams(listSearch(filters, sort).slice(1));
    expect(readListFilters(params)).toEqual(filters);
    expect(readListSort(params)).toEqual(sort);
  });

  it("sorts by saving, largest first, unless told otherwise", () => {
    expect(readListSort({})).toEqual({ key: "saving", direction: "desc" });
    expect(readListSort({ sort: "resource" })).toEqual({ key: "resource", direction: "asc" });
    expect(readListSort({ sort: "detected", dir: "sideways" })).toEqual({ key: "detected", direction: "desc" });
    expect(readListSort({ sort: "evil" })).toEqual({ key: "saving", direction: "desc" });
  });

  it("asks the API for a page of these filters; any status sends no status", () => {
    expect(recommendationsApiUrl(none)).toBe("/api/recommendations?status=OPEN&limit=50");
    expect(
      recommendationsApiUrl(
        { type: "ZOMBIE_INSTANCE", squad: "checkout", status: "ALL" },
        { cursor: "abc", limit: 10 },
      ),
    ).toBe("/api/recommendations?type=ZOMBIE_INSTANCE&squad=checkout&limit=10&cursor=abc");
  });

  it("compares filters by value", () => {
    expect(sameFilters(none, { ...none })).toBe(true);
    expect(sameFilters(none, { ...none, squad: "checkout" })).toBe(false);
  });
});
