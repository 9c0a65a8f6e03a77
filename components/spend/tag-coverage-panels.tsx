"use client";

import { formatUsd } from "@/lib/format/money";
import { moneyColumn } from "./columns";
import { DataTable } from "./data-table";
import { formatShare } from "./format-share";
import { StatCard } from "./stat-card";

export interface TagCoverageView {
  ownedShare: string;
  byRule: Array<{ rule: string; amount: string }>;
  worstAccounts: Array<{ accountId: string; name: string; unallocated: string }>;
  worstServices: Array<{ accountId: string; service: string; unallocated: string }>;
  sharedByService: Array<{ service: string; kept: string; split: string }>;
}

export const allocationRuleLabel: Record<string, string> = {
  "team-tag": "team tag",
  "cost-centre-tag": "cost-centre tag",
  namespace: "namespace ownership",
  account: "account ownership",
  shared: "shared (kept shared)",
  "shared-split": "shared (split across squads)",
  idle: "cluster idle",
  none: "no owner (unallocated)",
};

const muted = "text-sm text-slate-600 dark:text-slate-400";

/** Share of spend with an owner, how it was found, and whom to chase: the biggest unowned spend first. */
export function TagCoveragePanels({ coverage, rangeLabel }: { coverage: TagCoverageView; rangeLabel: string }) {
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard
          emphasis
          label="Spend with an owner"
          value={formatShare(coverage.ownedShare)}
          detail={`squads' share of the allocated bill, ${rangeLabel}`}
        />
        <StatCard
          label="Unallocated spend"
          value={formatUsd(coverage.byRule.find((row) => row.rule === "none")?.amount ?? "0")}
          detail="matched no ownership rule"
        />
        <StatCard
          label="Chase first"
          value={coverage.worstAccounts[0] ? formatUsd(coverage.worstAccounts[0].unallocated) : "—"}
          detail={
            coverage.worstAccounts[0] ? `unallocated in ${coverage.worstAccounts[0].name}` : "no unallocated spend"
          }
        />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="worst-accounts">
          <h3 id="worst-accounts" className="mb-2 font-semibold">
            Accounts with the most unallocated spend
          </h3>
          <DataTable
            caption="Accounts with the most unallocated spend"
            rows={coverage.worstAccounts}
            rowKey={(row) => row.accountId}
            filterText={(row) => `${row.name} ${row.accountId}`}
            filterLabel="Filter accounts"
            initialSort={{ key: "unallocated", direction: "desc" }}
            empty={<p className={muted}>Every account&apos;s spend has an owner in this range.</p>}
            columns={[
              {
                key: "account",
                header: "Account",
                sort: "text",
                value: (row) => row.name,
                render: (row) => (
                  <span>
                    <span className="font-medium">{row.name}</span>{" "}
                    <code className="text-xs text-slate-600 dark:text-slate-400">{row.accountId}</code>
                  </span>
                ),
              },
              moneyColumn("unallocated", "Unallocated", "unallocated"),
            ]}
          />
        </section>
        <section aria-labelledby="worst-services">
          <h3 id="worst-services" className="mb-2 font-semibold">
            Untagged services costing the most
          </h3>
          <DataTable
            caption="Services with the most unallocated spend"
            rows={coverage.worstServices}
            rowKey={(row) => `${row.accountId}/${row.service}`}
            filterText={(row) => `${row.service} ${row.accountId}`}
            filterLabel="Filter services"
            initialSort={{ key: "unallocated", direction: "desc" }}
            empty={<p className={muted}>No untagged service spend in this range.</p>}
            columns={[
              { key: "service", header: "Service", sort: "text", value: (row) => row.service },
              {
                key: "account",
                header: "Account",
                sort: "text",
                value: (row) => row.accountId,
                render: (row) => <code className="text-xs">{row.accountId}</code>,
              },
              moneyColumn("unallocated", "Unallocated", "unallocated"),
            ]}
          />
        </section>
      </div>
      <section aria-labelledby="by-rule">
        <h3 id="by-rule" className="mb-2 font-semibold">
          How owners were found
        </h3>
        <DataTable
          caption="Allocated spend by the rule that decided its owner"
          rows={coverage.byRule}
          rowKey={(row) => row.rule}
          initialSort={{ key: "amount", direction: "desc" }}
          empty={<p className={muted}>The allocation job has not run over this range.</p>}
          columns={[
            { key: "rule", header: "Rule", sort: "text", value: (row) => allocationRuleLabel[row.rule] ?? row.rule },
            moneyColumn("amount", "Spend", "amount"),
          ]}
        />
      </section>
      <section aria-labelledby="shared-costs">
        <h3 id="shared-costs" className="mb-1 font-semibold">
          What the shared costs are
        </h3>
        <p className={`${muted} mb-2`}>
          Costs the shared-cost policy on the Settings page names (support plans, NAT gateways, shared clusters&apos;
          idle when split): kept on the shared line, or split across squads.
        </p>
        <DataTable
          caption="Shared costs by service"
          rows={coverage.sharedByService}
          rowKey={(row) => row.service}
          initialSort={{ key: "kept", direction: "desc" }}
          empty={<p className={muted}>No shared costs in this range.</p>}
          columns={[
            { key: "service", header: "Service", sort: "text", value: (row) => row.service },
            moneyColumn("kept", "Kept shared", "kept"),
            moneyColumn("split", "Split across squads", "split"),
          ]}
        />
      </section>
    </div>
  );
}
