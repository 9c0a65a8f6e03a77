import type { ReviewTable } from "@/lib/review/review-tables";
import { SlideEmpty } from "./review-slide";

/**
 * One table of the review, with a CSV download of exactly these rows and columns (exact amounts), served by
 * GET /api/review/:month/csv.
 */
export function ReviewTableView({
  month,
  table,
  empty,
  maxRows,
}: {
  month: string;
  table: ReviewTable;
  empty: string;
  /** rows shown on the slide; the CSV always has them all */
  maxRows?: number;
}) {
  const rows = maxRows ? table.rows.slice(0, maxRows) : table.rows;
  const captionId = `table-${table.id}-caption`;
  return (
    <div className="flex min-w-0 flex-col gap-[0.4em]">
      <div className="flex items-baseline justify-between gap-[0.5em]">
        <h3 id={captionId} className="text-[1.05em] font-semibold">
          {table.title}
        </h3>
        {table.rows.length > 0 ? (
          <a
            className="review-screen-only rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
            href={`/api/review/${month}/csv?table=${table.id}`}
            download
          >
            Download CSV<span className="sr-only">: {table.title}</span>
          </a>
        ) : null}
      </div>
      {table.rows.length === 0 ? (
        <SlideEmpty>{empty}</SlideEmpty>
      ) : (
        <div className="overflow-x-auto">
          <table aria-labelledby={captionId} className="w-full text-left text-[0.85em]">
            <thead>
              <tr>
                {table.header.map((column, index) => (
                  <th
                    key={column}
                    scope="col"
                    className={`border-b-2 border-slate-300 px-[0.5em] py-[0.3em] font-semibold dark:border-slate-600 ${table.numeric[index] ? "text-right" : ""}`}
                  >
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, index) => (
                    <td
                      key={index}
                      className={`border-b border-slate-200 px-[0.5em] py-[0.25em] dark:border-slate-700 ${cell.numeric ? "text-right tabular-nums" : ""}`}
                    >
                      {cell.display}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length < table.rows.length ? (
            <p className="review-muted mt-[0.3em] text-[0.8em] text-slate-700 dark:text-slate-300">
              {table.rows.length - rows.length} more in the CSV.
            </p>
          ) : null}
        </div>
      )}
    </div>
  );
}
