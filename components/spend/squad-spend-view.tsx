"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatUsd } from "@/lib/format/money";
import type { SquadInsights } from "@/lib/queries/squad-insights";
import { ChartError } from "../charts/chart-frame";
import { describeRange, previousRange, rangeLength, type DayRange } from "../charts/date-range";
import { sumAmounts } from "../charts/exact-decimal";
import { RangePicker } from "../charts/range-picker";
import { StackedDailyChart } from "../charts/stacked-daily-chart";
import { ChangeBadge } from "./change-badge";
import { moneyColumn } from "./columns";
import { DataTable } from "./data-table";
import { SquadInsightsPanels } from "./squad-insights-panels";
import { fetchSpend, spendQuery, squadSpendSchema, type GroupBy, type SquadSpendView } from "./spend-schemas";
import { StatCard } from "./stat-card";
import { useUrlState } from "./use-url-state";

export const squadSpendQueryKey = (slug: string, range: DayRange, groupBy: GroupBy) =>
  ["squad-spend", slug, range.from, range.to, groupBy] as const;

export function squadSpendUrl(slug: string, range: DayRange, groupBy: GroupBy) {
  return `/api/spend/squads/${encodeURIComponent(slug)}?${spendQuery({ from: range.from, to: range.to, groupBy })}`;
}

/** How a group key reads (the API already names spend outside Kubernetes). */
export function groupLabel(key: string): string {
  return key === "" ? "(none)" : key;
}

const segment = (active: boolean) =>
  `px-3 py-1 text-sm font-medium first:rounded-l-md last:rounded-r-md ${
    active
      ? "bg-brand-600 text-white"
      : "border border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
  }`;

/**
 * A squad's spend for a range: the total and its change, the daily chart stacked by namespace or service,
 * the breakdown (click a group to drill in), then the insights. Range, grouping and drill-down live in the
 * URL; the chart data comes from GET /api/spend/squads/:slug through TanStack Query.
 */
export function SquadSpendViewer({
  initial,
  groupBy: initialGroupBy,
  focus: initialFocus,
  latestDay,
  insights,
}: {
  initial: SquadSpendView;
  groupBy: GroupBy;
  focus: string | null;
  latestDay: string;
  insights: SquadInsights;
}) {
  const slug = initial.squad.slug;
  const [range, setRange] = useState<DayRange>({ from: initial.from, to: initial.to });
  const [groupBy, setGroupBy] = useState<GroupBy>(initialGroupBy);
  const [focus, setFocus] = useState<string | null>(initialFocus);
  const url = useUrlState();

  const isInitial = range.from === initial.from && range.to === initial.to && groupBy === initialGroupBy;
  const query = useQuery({
    queryKey: squadSpendQueryKey(slug, range, groupBy),
    queryFn: () => fetchSpend(squadSpendUrl(slug, range, groupBy), squadSpendSchema, "The squad's spend"),
    initialData: isInitial ? initial : undefined,
    placeholderData: keepPreviousData,
  });

  const update = (next: { range?: DayRange; groupBy?: GroupBy; focus?: string | null }) => {
    const nextRange = next.range ?? range;
    const nextGroupBy = next.groupBy ?? groupBy;
    const nextFocus = next.focus === undefined ? focus : next.focus;
    setRange(nextRange);
    setGroupBy(nextGroupBy);
    setFocus(nextFocus);
    url.replace({ from: nextRange.from, to: nextRange.to, groupBy: nextGroupBy, [nextGroupBy]: nextFocus });
  };

  const data = query.data;
  const loading = query.isFetching && (query.isPlaceholderData || !data);
  const error = query.isError ? { message: query.error.message, retry: () => void query.refetch() } : null;
  const focusKnown = focus !== null && (data?.groups.some((group) => group.key === focus) ?? true);
  const activeFocus = focusKnown ? focus : null;
  // No group at all: nothing was allocated to the squad in the range (the frame says so instead of a flat plot).
  const days =
    data && data.groups.length === 0
      ? []
      : (data?.days.map((day) => ({
          day: day.day,
          values: activeFocus !== null ? { [activeFocus]: day.groups[activeFocus] ?? "0" } : day.groups,
        })) ?? null);
  const focusTotal =
    activeFocus !== null && data ? sumAmounts(data.days.map((day) => day.groups[activeFocus] ?? "0")) : null;
  const previous = previousRange(range);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <RangePicker value={range} latestDay={latestDay} onChange={(next) => update({ range: next })} />
        <div role="group" aria-label="Group spend by" className="flex">
          <button
            type="button"
            aria-pressed={groupBy === "namespace"}
            className={segment(groupBy === "namespace")}
            onClick={() => update({ groupBy: "namespace", focus: null })}
          >
            By namespace
          </button>
          <button
            type="button"
            aria-pressed={groupBy === "service"}
            className={segment(groupBy === "service")}
            onClick={() => update({ groupBy: "service", focus: null })}
          >
            By service
          </button>
        </div>
      </div>

      {error && !data ? (
        <ChartError message={error.message} retry={error.retry} />
      ) : (
        <section
          aria-label="Squad totals"
          aria-busy={loading || undefined}
          className={`grid gap-4 sm:grid-cols-3 ${loading ? "opacity-60" : ""}`}
        >
          <StatCard
            emphasis
            label={`Spend, ${describeRange(range)}`}
            value={data ? formatUsd(data.total) : "…"}
            detail={`${rangeLength(range)} days ending with the newest cost day shown`}
          />
          <StatCard
            label={`Previous ${rangeLength(range)} days`}
            value={data ? formatUsd(data.previousTotal) : "…"}
            detail={
              data ? (
                <>
                  Change: <ChangeBadge current={data.total} previous={data.previousTotal} /> · {describeRange(previous)}
                </>
              ) : null
            }
          />
          <StatCard
            label={
              activeFocus !== null
                ? `${groupBy === "namespace" ? "Namespace" : "Service"} ${groupLabel(activeFocus)}`
                : "Latest day"
            }
            value={
              activeFocus !== null
                ? focusTotal !== null
                  ? formatUsd(focusTotal)
                  : "…"
                : data?.days.at(-1)
                  ? formatUsd(data.days.at(-1)!.total)
                  : "—"
            }
            detail={activeFocus !== null ? "in this range" : data?.days.at(-1)?.day}
          />
        </section>
      )}

      {activeFocus !== null ? (
        <p className="flex items-center gap-2 text-sm">
          <span>
            Showing {groupBy} <strong>{groupLabel(activeFocus)}</strong> only.
          </span>
          <button
            type="button"
            onClick={() => update({ focus: null })}
            className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Show all {groupBy === "namespace" ? "namespaces" : "services"}
          </button>
        </p>
      ) : null}

      <StackedDailyChart
        title={
          activeFocus !== null ? `Daily spend of ${groupBy} ${groupLabel(activeFocus)}` : `Daily spend by ${groupBy}`
        }
        description={describeRange(range)}
        days={error && !data ? null : days}
        keys={activeFocus !== null ? [activeFocus] : data?.groups.map((group) => group.key)}
        labelOf={groupLabel}
        fileName={["squad", slug, activeFocus ?? `by ${groupBy}`, range.from, range.to]}
        status={{ loading, error }}
        onSelectKey={activeFocus === null ? (key) => update({ focus: key }) : undefined}
        selectLabel={() => `Drill into ${groupBy}`}
      />

      {data ? (
        <section aria-labelledby="breakdown-heading">
          <h2 id="breakdown-heading" className="mb-3 text-lg font-semibold">
            Spend by {groupBy}
          </h2>
          <DataTable
            caption={`Spend by ${groupBy}`}
            rows={data.groups}
            rowKey={(row) => row.key}
            filterText={(row) => groupLabel(row.key)}
            filterLabel={`Filter ${groupBy === "namespace" ? "namespaces" : "services"}`}
            initialSort={{ key: "total", direction: "desc" }}
            empty={<p className="text-sm text-slate-600 dark:text-slate-400">No spend in this range.</p>}
            rowClassName={(row) => (row.key === activeFocus ? "bg-brand-50 dark:bg-slate-800" : undefined)}
            columns={[
              {
                key: "key",
                header: groupBy === "namespace" ? "Namespace" : "Service",
                sort: "text",
                value: (row) => groupLabel(row.key),
                render: (row) => (
                  <button
                    type="button"
                    onClick={() => update({ focus: row.key === activeFocus ? null : row.key })}
                    aria-label={`Drill into ${groupBy} ${groupLabel(row.key)}`}
                    className="text-left font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                  >
                    {groupLabel(row.key)}
                  </button>
                ),
              },
              moneyColumn("total", "Spend", "total"),
            ]}
          />
        </section>
      ) : null}

      <SquadInsightsPanels
        insights={insights}
        onDrillNamespace={(key) => update({ groupBy: "namespace", focus: key })}
        namespaceKeys={groupBy === "namespace" ? (data?.groups.map((group) => group.key) ?? []) : []}
        pending={url.pending}
      />
    </div>
  );
}
