"use client";

import type { SquadMover } from "@/lib/queries/overview";
import { ChangeBadge } from "./change-badge";
import { moneyColumn, squadLinkColumn } from "./columns";
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
        squadLinkColumn(),
        moneyColumn("current", "This week", "current"),
        moneyColumn("previous", "Last week", "previous"),
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
