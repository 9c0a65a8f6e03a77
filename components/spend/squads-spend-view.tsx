"use client";

import { formatUsd } from "@/lib/format/money";
import { describeRange, rangeLength } from "../charts/date-range";
import { sumAmounts } from "../charts/exact-decimal";
import { ChangeBadge } from "./change-badge";
import { moneyColumn, squadLinkColumn } from "./columns";
import { DataTable } from "./data-table";
import { RangeSpendFrame } from "./range-spend-frame";
import { spendQuery, squadsSpendSchema, type SquadsSpendView } from "./spend-schemas";
import { StatCard } from "./stat-card";
import { useRangeSpend } from "./use-range-spend";

/** Every squad's spend for a range against the period before, and what nobody owns, beside the bill. */
export function SquadsSpendViewer({ initial, latestDay }: { initial: SquadsSpendView; latestDay: string }) {
  const spend = useRangeSpend({
    queryName: "squads-spend",
    path: "/api/spend/squads",
    schema: squadsSpendSchema,
    what: "Squad spend",
    initialRange: initial,
    initialData: initial,
  });
  const { range } = spend;
  const linkSearch = spendQuery({ from: range.from, to: range.to });
  return (
    <RangeSpendFrame spend={spend} latestDay={latestDay} loadingText="Loading squad spend…">
      {(data) => (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            <StatCard
              emphasis
              label={`Bill, ${describeRange(range)}`}
              value={formatUsd(data.bill)}
              detail={`${rangeLength(range)} days, as Cost Explorer states it`}
            />
            <StatCard
              label="Owned by squads"
              value={formatUsd(sumAmounts(data.squads.map((squad) => squad.total)))}
              detail={`${data.squads.length} squads`}
            />
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
              squadLinkColumn(linkSearch),
              moneyColumn("total", "Spend", "total"),
              moneyColumn("previous", "Previous period", "previousTotal"),
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
        </>
      )}
    </RangeSpendFrame>
  );
}
