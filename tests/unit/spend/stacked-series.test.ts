import { describe, expect, it } from "vitest";
import { buildStackedSeries, OTHER, seriesTable, weekStart } from "@/components/charts/stacked-series";
import { addDays } from "@/lib/format/dates";

function days(count: number, first: string, values: (index: number) => Record<string, string>) {
  return Array.from({ length: count }, (_, index) => ({ day: addDays(first, index), values: values(index) }));
}

describe("stacked series", () => {
  it("keeps days as they are up to 120 points, largest series first", () => {
    const series = buildStackedSeries(days(30, "2026-10-02", () => ({ small: "1.10", big: "10.005" })));
    expect(series.bucket).toBe("day");
    expect(series.keys).toEqual(["big", "small"]);
    expect(series.rows).toHaveLength(30);
    expect(series.rows[0]).toMatchObject({ start: "2026-10-02", days: 1, total: "11.105" });
    expect(series.totals).toEqual({ big: "300.15", small: "33" });
    expect(series.total).toBe("333.15");
  });

  it("buckets long ranges into Monday-to-Sunday weeks with exact sums", () => {
    // 2025-10-29 is a Wednesday; 395 days of 0.1 each.
    const series = buildStackedSeries(days(395, "2025-10-29", () => ({ a: "0.1" })));
    expect(series.bucket).toBe("week");
    expect(series.rows.length).toBeLessThanOrEqual(120);
    expect(series.rows[0]).toMatchObject({ start: "2025-10-27", days: 5, total: "0.5", label: "Week of 27 Oct" });
    expect(series.rows[1]).toMatchObject({ start: "2025-11-03", days: 7, total: "0.7" });
    expect(series.total).toBe("39.5");
    expect(series.rows.reduce((sum, row) => sum + row.days, 0)).toBe(395);
  });

  it("finds the Monday of a week", () => {
    expect(weekStart("2026-11-25")).toBe("2026-11-23"); // Wednesday
    expect(weekStart("2026-11-23")).toBe("2026-11-23"); // Monday
    expect(weekStart("2026-11-29")).toBe("2026-11-23"); // Sunday
  });

  it("folds the smallest groups into Other and keeps pinned owners apart", () => {
    const series = buildStackedSeries(
      days(2, "2026-10-01", () => ({ a: "5", b: "4", c: "3", d: "2", e: "1", unallocated: "0.5" })),
      { maxSeries: 4, pinned: ["unallocated"] },
    );
    expect(series.keys).toEqual(["a", "b", OTHER, "unallocated"]);
    expect(series.rows[0]?.values).toEqual({ a: "5", b: "4", [OTHER]: "6", unallocated: "0.5" });
    expect(series.total).toBe("31");
  });

  it("treats missing values as zero and honours a given key order", () => {
    const series = buildStackedSeries(
      [
        { day: "2026-10-02", values: { x: "2" } },
        { day: "2026-10-01", values: { y: "1" } },
      ],
      { keys: ["x", "y"] },
    );
    expect(series.rows.map((row) => row.start)).toEqual(["2026-10-01", "2026-10-02"]);
    expect(series.rows[0]?.values).toEqual({ x: "0", y: "1" });
  });

  it("gives the table and CSV exactly the plotted rows", () => {
    const series = buildStackedSeries(days(2, "2026-10-01", (index) => ({ api: `${index + 1}.5`, web: "0.25" })));
    const table = seriesTable(series, (key) => key.toUpperCase());
    expect(table.header).toEqual(["Day", "API", "WEB", "Total"]);
    expect(table.rows).toEqual([
      { key: "2026-10-01", label: "1 Oct", period: "2026-10-01", amounts: ["1.5", "0.25", "1.75"] },
      { key: "2026-10-02", label: "2 Oct", period: "2026-10-02", amounts: ["2.5", "0.25", "2.75"] },
    ]);
  });
});
