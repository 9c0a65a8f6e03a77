"use client";

import type { ReactNode } from "react";
import { ChartError } from "../charts/chart-frame";
import { RangePicker } from "../charts/range-picker";
import type { RangeSpend } from "./use-range-spend";

/**
 * A range view's frame: the range picker, then the error with a retry, a loading line until the first
 * answer, or the view itself, dimmed and marked busy while another range loads.
 */
export function RangeSpendFrame<T>({
  spend,
  latestDay,
  loadingText,
  children,
}: {
  spend: RangeSpend<T>;
  latestDay: string;
  loadingText: string;
  children: (data: T) => ReactNode;
}) {
  const { range, changeRange, query, loading } = spend;
  return (
    <div className="space-y-6">
      <RangePicker value={range} latestDay={latestDay} onChange={changeRange} />
      {query.isError ? (
        <ChartError message={query.error.message} retry={() => void query.refetch()} />
      ) : !query.data ? (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {loadingText}
        </p>
      ) : (
        <div className={`space-y-6 ${loading ? "opacity-60" : ""}`} aria-busy={loading || undefined}>
          {children(query.data)}
        </div>
      )}
    </div>
  );
}
