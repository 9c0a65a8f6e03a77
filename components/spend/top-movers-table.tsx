"use client";

import Link from "next/link";
import { formatUsd } from "@/lib/format/money";
import type { SquadMover } from "@/lib/queries/overview";
import { ChangeBadge } from "./change-badge";
import { DataTable } from "./data-table";

/** This week's squads whose spend moved most against last week, either way. */
export function TopMoversTable({ movers }: { movers: SquadMover[] }) {
  return (
    <DataTable
      caption="Top movers this week"
      rows={movers}
      rowKey={(row) => row.slug}
      filterText={(row) => `${row.name} ${row.slug}`}
      filterLabel="Filter squads"
      pageSize={5}
      empty={
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No squad spend to compare yet: the allocation job has not run over the last two weeks.
        </p>
      }
      columns={[
        {
          key: "name",
          header: "Squad",
          sort: "text",
          value: (row) => row.name,
          render: (row) => (
            <Link
              href={`/squads/${encodeURIComponent(row.slug)}`}
              className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
            >
              {row.name}
            </Link>
          ),
        },
        {
          key: "current",
          header: "This week",
          numeric: true,
          sort: "amount",
          value: (row) => row.current,
          render: (row) => formatUsd(row.current),
        },
        {
          key: "previous",
          header: "Last week",
          numeric: true,
          sort: "amount",
          value: (row) => row.previous,
          render: (row) => formatUsd(row.previous),
        },
        {
          key: "change",
          header: "Change",
          numeric: true,
          sort: "amount",
          value: (row) => row.change,
          render: (row) => <ChangeBadge current={row.current} previous={row.previous} />,
        },
      ]}
    />
  );
}
