"use client";

import { useState, type ReactNode } from "react";
import { buildCsv, csvFileName } from "@/lib/csv/build-csv";
import { formatUsd } from "@/lib/format/money";

/** What a chart plots, as rows: the table view and the CSV are built from exactly this. */
export interface ChartTableData {
  /** first entry names the row label column (e.g. "Day") */
  header: string[];
  rows: Array<{ key: string; label: string; csvLabel: string; amounts: string[] }>;
}

export interface ChartStatus {
  loading?: boolean;
  error?: { message: string; retry?: () => void } | null;
}

const button =
  "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800";

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The failure of a chart's query, shown as a failure with a retry: never an empty chart. */
export function ChartError({ message, retry }: { message: string; retry?: () => void }) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-medium">{message}</p>
      {retry ? (
        <button
          type="button"
          onClick={retry}
          className="mt-2 rounded-md bg-red-700 px-3 py-1 text-white hover:bg-red-800"
        >
          Retry
        </button>
      ) : null}
    </div>
  );
}

function ChartTable({ title, data }: { title: string; data: ChartTableData }) {
  return (
    // Focusable so keyboard users can scroll a long table.
    <div className="max-h-[28rem] overflow-auto" tabIndex={0} role="region" aria-label={`${title}: table`}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{title}: the plotted data</caption>
        <thead className="sticky top-0 bg-white dark:bg-slate-900">
          <tr>
            {data.header.map((column, index) => (
              <th
                key={`${column}-${index}`}
                scope="col"
                className={`border-b border-slate-200 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400 ${index > 0 ? "text-right" : ""}`}
              >
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="border-b border-slate-100 px-3 py-1.5 font-medium dark:border-slate-800">
                {row.label}
              </th>
              {row.amounts.map((amount, index) => (
                <td
                  key={index}
                  className="border-b border-slate-100 px-3 py-1.5 text-right tabular-nums dark:border-slate-800"
                >
                  {formatUsd(amount)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The frame every chart sits in: its title, the plot, a legend, a "Table" toggle that shows exactly the
 * plotted rows, and a "Download CSV" of the same rows (exact amounts). Loading dims the last data; an
 * error replaces the plot with what failed and a retry.
 */
export function ChartFrame({
  title,
  description,
  data,
  fileName,
  status = {},
  legend,
  empty,
  headingLevel = 2,
  children,
}: {
  title: string;
  description?: ReactNode;
  data: ChartTableData | null;
  fileName: string[];
  status?: ChartStatus;
  legend?: ReactNode;
  /** shown instead of the plot when data has no rows */
  empty?: ReactNode;
  headingLevel?: 2 | 3;
  children: ReactNode;
}) {
  const [showTable, setShowTable] = useState(false);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const hasRows = (data?.rows.length ?? 0) > 0;
  const canExport = !status.error && hasRows && data !== null;
  return (
    <figure
      aria-label={title}
      aria-busy={status.loading ? true : undefined}
      className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <figcaption className="mb-3 flex flex-wrap items-start justify-between gap-3">
        <div>
          <Heading className="text-base font-semibold text-slate-800 dark:text-slate-100">{title}</Heading>
          {description ? <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{description}</p> : null}
        </div>
        <div className="flex items-center gap-2">
          {status.loading ? (
            <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
              Updating…
            </span>
          ) : null}
          <button
            type="button"
            className={`${button} ${showTable ? "bg-slate-100 dark:bg-slate-800" : ""}`}
            aria-pressed={showTable}
            disabled={!canExport}
            onClick={() => setShowTable((shown) => !shown)}
          >
            Table
          </button>
          <button
            type="button"
            className={button}
            disabled={!canExport}
            onClick={() =>
              data &&
              download(
                csvFileName(...fileName),
                buildCsv(
                  data.header,
                  data.rows.map((row) => [row.csvLabel, ...row.amounts]),
                ),
              )
            }
          >
            Download CSV
          </button>
        </div>
      </figcaption>
      {status.error ? (
        <ChartError message={status.error.message} retry={status.error.retry} />
      ) : data === null ? (
        <div className="h-72 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" role="status">
          <span className="sr-only">Loading {title}…</span>
        </div>
      ) : !hasRows ? (
        (empty ?? (
          <p className="py-12 text-center text-sm text-slate-600 dark:text-slate-400">No spend in this range.</p>
        ))
      ) : (
        <div className={status.loading ? "opacity-60 transition-opacity" : undefined}>
          {showTable ? <ChartTable title={title} data={data} /> : children}
          {legend}
        </div>
      )}
    </figure>
  );
}
