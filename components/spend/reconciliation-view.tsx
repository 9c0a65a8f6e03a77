"use client";

import { useMemo, useState } from "react";
import { formatDay } from "@/lib/format/dates";
import { formatUsd } from "@/lib/format/money";
import { describeRange, type DayRange } from "../charts/date-range";
import { isZeroToTheCent, sumAmounts } from "../charts/exact-decimal";
import { StackedDailyChart } from "../charts/stacked-daily-chart";
import { moneyColumn } from "./columns";
import { DataTable } from "./data-table";
import { RangeSpendFrame } from "./range-spend-frame";
import { reconciliationSchema, type ReconciliationView } from "./spend-schemas";
import { StatCard } from "./stat-card";
import { useRangeSpend } from "./use-range-spend";

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
  const spend = useRangeSpend({
    queryName: "reconciliation",
    path: "/api/spend/reconciliation",
    schema: reconciliationSchema,
    what: "The reconciliation",
    initialRange: initial,
    initialData: { days: initial.days },
  });
  const { range, loading } = spend;
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const days = spend.query.data?.days;
  const failing = useMemo(() => (days ? daysWithDifference(days) : []), [days]);
  const chartDays = useMemo(
    () =>
      days?.map((day) => ({
        day: day.day,
        values: { squads: day.allocated, shared: day.shared, idle: day.idle, unallocated: day.unallocated },
      })) ?? null,
    [days],
  );
  const rows = onlyDifferences ? failing : (days ?? []);
  return (
    <RangeSpendFrame spend={spend} latestDay={latestDay} loadingText="Loading the reconciliation…">
      {(data) => (
        <>
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
                moneyColumn("bill", "Bill", "bill"),
                moneyColumn("allocated", "Squads", "allocated"),
                moneyColumn("shared", "Shared", "shared"),
                moneyColumn("idle", "Idle", "idle"),
                moneyColumn("unallocated", "Unallocated", "unallocated"),
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
        </>
      )}
    </RangeSpendFrame>
  );
}
