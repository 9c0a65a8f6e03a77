"use client";

import { useId, useState, type ReactNode } from "react";
import { visibleRows, type SortDirection, type SortKind, type TableState } from "./table-state";

export interface DataColumn<Row> {
  key: string;
  header: string;
  numeric?: boolean;
  sort?: SortKind;
  value: (row: Row) => string | number | null;
  render?: (row: Row) => ReactNode;
}

/**
 * A list with the four things every list has: sorting (click a header), filtering (one text box), paging
 * and an empty state. `caption` names the table for screen readers and tests.
 */
export function DataTable<Row>({
  caption,
  rows,
  columns,
  rowKey,
  filterText,
  filterLabel = "Filter",
  initialSort,
  pageSize = 10,
  empty,
  rowClassName,
}: {
  caption: string;
  rows: readonly Row[];
  columns: readonly DataColumn<Row>[];
  rowKey: (row: Row) => string;
  /** the text a row is filtered by; omit for no filter box */
  filterText?: (row: Row) => string;
  filterLabel?: string;
  initialSort?: { key: string; direction: SortDirection };
  pageSize?: number;
  empty: ReactNode;
  rowClassName?: (row: Row) => string | undefined;
}) {
  const id = useId();
  const [state, setState] = useState<TableState>({
    sortKey: initialSort?.key ?? null,
    direction: initialSort?.direction ?? "desc",
    filter: "",
    page: 1,
    pageSize,
  });
  if (rows.length === 0) return <>{empty}</>;
  const shown = visibleRows(rows, columns, state, filterText ?? (() => ""));
  const sortBy = (key: string) =>
    setState((current) => ({
      ...current,
      sortKey: key,
      direction: current.sortKey === key ? (current.direction === "asc" ? "desc" : "asc") : "desc",
      page: 1,
    }));
  return (
    <div className="space-y-2">
      {filterText ? (
        <div className="flex items-center gap-2">
          <label htmlFor={`${id}-filter`} className="text-sm text-slate-600 dark:text-slate-400">
            {filterLabel}
          </label>
          <input
            id={`${id}-filter`}
            type="search"
            value={state.filter}
            onChange={(event) => setState((current) => ({ ...current, filter: event.target.value, page: 1 }))}
            className="w-64 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
          />
          <span className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
            {shown.matching} of {rows.length}
          </span>
        </div>
      ) : null}
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const active = state.sortKey === column.key;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={active ? (state.direction === "asc" ? "ascending" : "descending") : undefined}
                    className={`border-b border-slate-200 px-4 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400 ${column.numeric ? "text-right" : ""}`}
                  >
                    {column.sort ? (
                      <button
                        type="button"
                        onClick={() => sortBy(column.key)}
                        className="inline-flex items-center gap-1 uppercase hover:text-slate-900 dark:hover:text-white"
                      >
                        {column.header}
                        <span aria-hidden className="text-[10px]">
                          {active ? (state.direction === "asc" ? "▲" : "▼") : "↕"}
                        </span>
                      </button>
                    ) : (
                      column.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.rows.length === 0 ? (
              <tr>
                <td
                  colSpan={columns.length}
                  className="px-4 py-6 text-center text-sm text-slate-600 dark:text-slate-400"
                >
                  Nothing matches “{state.filter}”.
                </td>
              </tr>
            ) : (
              shown.rows.map((row) => (
                <tr key={rowKey(row)} className={rowClassName?.(row)}>
                  {columns.map((column) => (
                    <td
                      key={column.key}
                      className={`border-b border-slate-100 px-4 py-2.5 dark:border-slate-800 ${column.numeric ? "text-right tabular-nums" : ""}`}
                    >
                      {column.render ? column.render(row) : (column.value(row) ?? "—")}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {shown.pages > 1 ? (
        <nav aria-label={`${caption} pages`} className="flex items-center justify-end gap-2 text-sm">
          <button
            type="button"
            disabled={shown.page <= 1}
            onClick={() => setState((current) => ({ ...current, page: shown.page - 1 }))}
            className="rounded-md border border-slate-300 px-2.5 py-1 disabled:opacity-50 dark:border-slate-700"
          >
            Previous
          </button>
          <span aria-live="polite">
            Page {shown.page} of {shown.pages}
          </span>
          <button
            type="button"
            disabled={shown.page >= shown.pages}
            onClick={() => setState((current) => ({ ...current, page: shown.page + 1 }))}
            className="rounded-md border border-slate-300 px-2.5 py-1 disabled:opacity-50 dark:border-slate-700"
          >
            Next
          </button>
        </nav>
      ) : null}
    </div>
  );
}
