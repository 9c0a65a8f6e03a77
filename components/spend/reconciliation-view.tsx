"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { formatDay } from "@/lib/format/dates";
import { formatUsd } from "@/lib/format/money";
import { ChartError } from "../charts/chart-frame";
import { describeRange, type DayRange } from "../charts/date-range";
import { isZeroToTheCent, sumAmounts } from "../charts/exact-decimal";
import { RangePicker } from "../charts/range-picker";
import { StackedDailyChart } from "../charts/stacked-daily-chart";
import { DataTable } from "./data-table";
import { fetchSpend, reconciliationSchema, spendQuery, type ReconciliationView } from "./spend-schemas";
import { StatCard } from "./stat-card";
import { useUrlState } from "./use-url-state";

const ownerLabels: Record<string, string> = {
  squads: "Squads",
  shared: "Shared",
  idle: "Cluster idle",
  unallocated: "Unallocated",
};
const ownerKeys = ["squads", "shared", "idle", "unallocated"];

/** Days whose difference is not 0.00: the days the invariant fails. */
export function daysWithDifference(days: ReconciliationView["days"]) {
  return days.filter((day) => !isZeroToTheCent(day.difference));
}

/**
 * Day by day, the bill against what allocation handed out. Every difference should be $0.00; any other
 * value is flagged in red at the top and on its row.
 */
export function ReconciliationViewer({
  initial,
  latestDay,
}: {
  initial: ReconciliationView & DayRange;
  latestDay: string;
}) {
  const [range, setRange] = useState<DayRange>({ from: initial.from, to: initial.to });
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const url = useUrlState();
  const isInitial = range.from === initial.from && range.to === initial.to;
  const query = useQuery({
    queryKey: ["reconciliation", range.from, range.to],
    queryFn: () =>
      fetchSpend(
        `/api/spend/reconciliation?${spendQuery({ from: range.from, to: range.to })}`,
        reconciliationSchema,
        "The reconciliation",
      ),
    initialData: isInitial ? { days: initial.days } : undefined,
    placeholderData: keepPreviousData,
  });
  const change = (next: DayRange) => {
    setRange(next);
    url.replace({ from: next.from, to: next.to });
  };
  const data = query.data;
  const loading = query.isFetching && (query.isPlaceholderData || !data);
  const failing = useMemo(() => (data ? daysWithDifference(data.days) : []), [data]);
  const chartDays = useMemo(
    () =>
      data?.days.map((day) => ({
        day: day.day,
        values: { squads: day.allocated, shared: day.shared, idle: day.idle, unallocated: day.unallocated },
      })) ?? null,
    [data],
  );
  const rows = onlyDifferences ? failing : (data?.days ?? []);
  return (
    <div className="space-y-6">
      <RangePicker value={range} latestDay={latestDay} onChange={change} />
      {query.isError ? (
        <ChartError message={query.error.message} retry={() => void query.refetch()} />
      ) : !data ? (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          Loading the reconciliation…
        </p>
      ) : (
        <div className={`space-y-6 ${loading ? "opacity-60" : ""}`} aria-busy={loading || undefined}>
          <div className="grid gap-4 sm:grid-cols-3">
            <StatCard
              emphasis
              label="Days with a difference"
              value={String(failing.length)}
              detail={
                failing.length === 0 ? (
                  <span className="text-emerald-700 dark:text-emerald-300">
                    Every day reconciles to the cent ({data.days.length} days).
                  </span>
                ) : (
                  <span role="alert" className="font-medium text-red-700 dark:text-red-300">
                    {failing.length} of {data.days.length} days do not add up to the bill: re-run the allocation job.
                  </span>
                )
              }
            />
            <StatCard
              label={`Bill, ${describeRange(range)}`}
              value={formatUsd(sumAmounts(data.days.map((day) => day.bill)))}
              detail="Cost Explorer's total"
            />
            <StatCard
              label="Total difference"
              value={formatUsd(sumAmounts(data.days.map((day) => day.difference)))}
              detail="bill − squads − shared − idle − unallocated"
            />
          </div>
          <StackedDailyChart
            title="Who owns each day's bill"
            description={describeRange(range)}
            days={chartDays}
            keys={ownerKeys}
            pinned={["shared", "idle", "unallocated"]}
            labelOf={(key) => ownerLabels[key] ?? key}
            fileName={["reconciliation-owners", range.from, range.to]}
            status={{ loading }}
          />
          <section aria-labelledby="reconciliation-days">
            <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
              <h2 id="reconciliation-days" className="text-lg font-semibold">
                Day by day
              </h2>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={onlyDifferences}
                  onChange={(event) => setOnlyDifferences(event.target.checked)}
                />
                Only days with a difference
              </label>
            </div>
            <DataTable
              caption="Reconciliation by day"
              rows={rows}
              rowKey={(row) => row.day}
              filterText={(row) => `${row.day} ${formatDay(row.day)}`}
              filterLabel="Filter days"
              initialSort={{ key: "day", direction: "desc" }}
              pageSize={31}
              rowClassName={(row) => (isZeroToTheCent(row.difference) ? undefined : "bg-red-50 dark:bg-red-950")}
              empty={
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {onlyDifferences ? "No day has a difference." : "No cost data in this range."}
                </p>
              }
              columns={[
                { key: "day", header: "Day", sort: "text", value: (row) => row.day },
                {
                  key: "bill",
                  header: "Bill",
                  numeric: true,
                  sort: "amount",
                  value: (row) => row.bill,
                  render: (row) => formatUsd(row.bill),
                },
                {
                  key: "allocated",
                  header: "Squads",
                  numeric: true,
                  sort: "amount",
                  value: (row) => row.allocated,
                  render: (row) => formatUsd(row.allocated),
                },
                {
                  key: "shared",
                  header: "Shared",
                  numeric: true,
                  sort: "amount",
                  value: (row) => row.shared,
                  render: (row) => formatUsd(row.shared),
                },
                {
                  key: "idle",
                  header: "Idle",
                  numeric: true,
                  sort: "amount",
                  value: (row) => row.idle,
                  render: (row) => formatUsd(row.idle),
                },
                {
                  key: "unallocated",
                  header: "Unallocated",
                  numeric: true,
                  sort: "amount",
                  value: (row) => row.unallocated,
                  render: (row) => formatUsd(row.unallocated),
                },
                {
                  key: "difference",
                  header: "Difference",
                  numeric: true,
                  sort: "amount",
                  value: (row) => row.difference,
                  render: (row) =>
                    isZeroToTheCent(row.difference) ? (
                      formatUsd(row.difference)
                    ) : (
                      <strong className="text-red-700 dark:text-red-300">
                        {formatUsd(row.difference)} <span className="sr-only">(does not reconcile)</span>
                      </strong>
                    ),
                },
              ]}
            />
          </section>
        </div>
      )}
    </div>
  );
}
