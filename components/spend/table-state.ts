// Sorting, filtering and paging of a list, as pure functions so every table behaves the same and the logic
// is tested without a browser. Amount columns sort exactly (decimal strings, never floats).
import { compareAmounts } from "../charts/exact-decimal";

export type SortKind = "text" | "amount" | "number";
export type SortDirection = "asc" | "desc";

export interface SortableColumn<Row> {
  key: string;
  sort?: SortKind;
  value: (row: Row) => string | number | null;
}

export interface TableState {
  sortKey: string | null;
  direction: SortDirection;
  filter: string;
  page: number;
  pageSize: number;
}

function compareValues(kind: SortKind, a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1; // missing values last
  if (kind === "amount") return compareAmounts(String(a), String(b));
  if (kind === "number") return Number(a) - Number(b);
  return String(a).localeCompare(String(b), "en", { sensitivity: "base", numeric: true });
}

export function sortRows<Row>(rows: readonly Row[], column: SortableColumn<Row> | undefined, direction: SortDirection) {
  if (!column?.sort) return [...rows];
  const kind = column.sort;
  const sign = direction === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: column.value(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return compareValues(kind, a.value, b.value) || a.index - b.index;
      return sign * compareValues(kind, a.value, b.value) || a.index - b.index;
    })
    .map((entry) => entry.row);
}

export function filterRows<Row>(rows: readonly Row[], filter: string, text: (row: Row) => string): Row[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return [...rows];
  return rows.filter((row) => text(row).toLowerCase().includes(needle));
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function pageRows<Row>(rows: readonly Row[], page: number, pageSize: number) {
  const pages = pageCount(rows.length, pageSize);
  const current = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((current - 1) * pageSize, current * pageSize), page: current, pages };
}

/** Filter, then sort, then page: what a table shows. */
export function visibleRows<Row>(
  rows: readonly Row[],
  columns: readonly SortableColumn<Row>[],
  state: TableState,
  text: (row: Row) => string,
) {
  const filtered = filterRows(rows, state.filter, text);
  const sorted = sortRows(
    filtered,
    columns.find((column) => column.key === state.sortKey),
    state.direction,
  );
  return { ...pageRows(sorted, state.page, state.pageSize), matching: filtered.length };
}
