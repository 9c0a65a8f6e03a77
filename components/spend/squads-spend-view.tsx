"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatUsd } from "@/lib/format/money";
import { ChartError } from "../charts/chart-frame";
import { describeRange, rangeLength, type DayRange } from "../charts/date-range";
import { sumAmounts } from "../charts/exact-decimal";
import { RangePicker } from "../charts/range-picker";
import { ChangeBadge } from "./change-badge";
import { DataTable } from "./data-table";
import { fetchSpend, spendQuery, squadsSpendSchema, type SquadsSpendView } from "./spend-schemas";
import { StatCard } from "./stat-card";
import { useUrlState } from "./use-url-state";

/** Every squad's spend for a range against the period before, and what nobody owns, beside the bill. */
export function SquadsSpendViewer({ initial, latestDay }: { initial: SquadsSpendView; latestDay: string }) {
  const [range, setRange] = useState<DayRange>({ from: initial.from, to: initial.to });
  const url = useUrlState();
  const isInitial = range.from === initial.from && range.to === initial.to;
  const query = useQuery({
    queryKey: ["squads-spend", range.from, range.to],
    queryFn: () =>
      fetchSpend(
        `/api/spend/squads?${spendQuery({ from: range.from, to: range.to })}`,
        squadsSpendSchema,
        "Squad spend",
      ),
    initialData: isInitial ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const change = (next: DayRange) => {
    setRange(next);
    url.replace({ from: next.from, to: next.to });
  };
  const data = query.data;
  const loading = query.isFetching && (query.isPlaceholderData || !data);
  const linkSearch = spendQuery({ from: range.from, to: range.to });
  const owned = data ? sumAmounts(data.squads.map((squad) => squad.total)) : "0";
  return (
    <div className="space-y-6">
      <RangePicker value={range} latestDay={latestDay} onChange={change} />
      {query.isError ? (
        <ChartError message={query.error.message} retry={() => void query.refetch()} />
      ) : !data ? (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          Loading squad spend…
        </p>
      ) : (
        <div className={`space-y-6 ${loading ? "opacity-60" : ""}`} aria-busy={loading || undefined}>
          <div className="grid gap-4 sm:grid-cols-3">
            <StatCard
              emphasis
              label={`Bill, ${describeRange(range)}`}
              value={formatUsd(data.bill)}
              detail={`${rangeLength(range)} days, as Cost Explorer states it`}
            />
            <StatCard label="Owned by squads" value={formatUsd(owned)} detail={`${data.squads.length} squads`} />
            <StatCard
              label="Shared, idle and unallocated"
              value={formatUsd(sumAmounts([data.shared, data.idle, data.unallocated]))}
              detail={`shared ${formatUsd(data.shared)} · idle ${formatUsd(data.idle)} · unallocated ${formatUsd(data.unallocated)}`}
            />
          </div>
          <DataTable
            caption="Squads and their spend"
            rows={data.squads}
            rowKey={(row) => row.slug}
            filterText={(row) => `${row.name} ${row.slug}`}
            filterLabel="Filter squads"
            initialSort={{ key: "total", direction: "desc" }}
            pageSize={15}
            empty={<p className="text-sm text-slate-600 dark:text-slate-400">No squad has spend in this range.</p>}
            columns={[
              {
                key: "name",
                header: "Squad",
                sort: "text",
                value: (row) => row.name,
                render: (row) => (
                  <Link
                    href={`/squads/${encodeURIComponent(row.slug)}?${linkSearch}`}
                    className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                  >
                    {row.name}
                  </Link>
                ),
              },
              {
                key: "total",
                header: "Spend",
                numeric: true,
                sort: "amount",
                value: (row) => row.total,
                render: (row) => formatUsd(row.total),
              },
              {
                key: "previous",
                header: "Previous period",
                numeric: true,
                sort: "amount",
                value: (row) => row.previousTotal,
                render: (row) => formatUsd(row.previousTotal),
              },
              {
                key: "change",
                header: "Change",
                numeric: true,
                sort: "number",
                value: (row) => (row.change === null ? null : Number(row.change)),
                render: (row) => <ChangeBadge current={row.total} previous={row.previousTotal} />,
              },
            ]}
          />
        </div>
      )}
    </div>
  );
}
