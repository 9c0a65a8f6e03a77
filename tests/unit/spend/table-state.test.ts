import { describe, expect, it } from "vitest";
import { filterRows, pageRows, sortRows, visibleRows, type SortableColumn } from "@/components/spend/table-state";

interface Row {
  name: string;
  cost: string;
  efficiency: number | null;
}

const rows: Row[] = [
  { name: "checkout-api", cost: "9.99", efficiency: 0.4 },
  { name: "search", cost: "100.01", efficiency: null },
  { name: "Payments", cost: "10", efficiency: 0.9 },
];
const columns: SortableColumn<Row>[] = [
  { key: "name", sort: "text", value: (row) => row.name },
  { key: "cost", sort: "amount", value: (row) => row.cost },
  { key: "efficiency", sort: "number", value: (row) => row.efficiency },
];

describe("list sorting, filtering and paging", () => {
  it("sorts amounts exactly, not as text", () => {
    expect(sortRows(rows, columns[1], "desc").map((row) => row.cost)).toEqual(["100.01", "10", "9.99"]);
    expect(sortRows(rows, columns[1], "asc").map((row) => row.cost)).toEqual(["9.99", "10", "100.01"]);
  });

  it("sorts text case-insensitively and puts missing values last either way", () => {
    expect(sortRows(rows, columns[0], "asc").map((row) => row.name)).toEqual(["checkout-api", "Payments", "search"]);
    expect(sortRows(rows, columns[2], "asc").map((row) => row.name)).toEqual(["checkout-api", "Payments", "search"]);
    expect(sortRows(rows, columns[2], "desc").map((row) => row.name)).toEqual(["Payments", "checkout-api", "search"]);
  });

  it("filters by text, ignoring case and surrounding space", () => {
    expect(filterRows(rows, "  PAY ", (row) => row.name)).toEqual([rows[2]]);
    expect(filterRows(rows, "", (row) => row.name)).toHaveLength(3);
  });

  it("pages, clamping a page beyond the end", () => {
    const many = Array.from({ length: 23 }, (_, index) => index);
    expect(pageRows(many, 3, 10)).toEqual({ rows: [20, 21, 22], page: 3, pages: 3 });
    expect(pageRows(many, 9, 10).page).toBe(3);
    expect(pageRows([], 1, 10)).toEqual({ rows: [], page: 1, pages: 1 });
  });

  it("filters, then sorts, then pages", () => {
    const shown = visibleRows(
      rows,
      columns,
      { sortKey: "cost", direction: "desc", filter: "e", page: 1, pageSize: 1 },
      (row) => row.name,
    );
    expect(shown).toMatchObject({ matching: 3, pages: 3, page: 1, rows: [rows[1]] });
  });
});
