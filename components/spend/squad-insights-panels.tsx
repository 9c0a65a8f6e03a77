"use client";

import { formatUsd } from "@/lib/format/money";
import type { SquadInsights } from "@/lib/queries/squad-insights";
import { formatDay } from "@/lib/format/dates";
import { recommendationTypeLabel, statusLabel } from "../ui/labels";
import { moneyColumn } from "./columns";
import { DataTable } from "./data-table";

function percent(value: number | null) {
  return value === null ? "—" : `${(value * 100).toFixed(0)}%`;
}

function efficiencyTone(value: number | null) {
  if (value === null) return "";
  if (value < 0.3) return "font-medium text-red-700 dark:text-red-300";
  if (value < 0.5) return "text-amber-700 dark:text-amber-300";
  return "text-emerald-700 dark:text-emerald-300";
}

const muted = "text-sm text-slate-600 dark:text-slate-400";

/** The squad's namespaces (with efficiency), anomalies and open recommendations. */
export function SquadInsightsPanels({
  insights,
  onDrillNamespace,
  namespaceKeys,
  pending,
}: {
  insights: SquadInsights;
  /** drill the chart into a namespace: receives the chart's key for it */
  onDrillNamespace: (key: string) => void;
  /** the namespace keys the chart currently knows */
  namespaceKeys: string[];
  pending: boolean;
}) {
  const keyFor = (cluster: string, namespace: string) =>
    namespaceKeys.find((key) => key === `${cluster}/${namespace}`) ??
    namespaceKeys.find((key) => key === namespace) ??
    namespace;
  return (
    <div className={`space-y-8 ${pending ? "opacity-60" : ""}`} aria-busy={pending || undefined}>
      <section aria-labelledby="namespaces-heading">
        <h2 id="namespaces-heading" className="mb-1 text-lg font-semibold">
          Namespaces and efficiency
        </h2>
        <p className={`mb-3 ${muted}`}>
          OpenCost&apos;s efficiency: the share of requested CPU and memory actually used, weighted by cost. Low
          efficiency means requests are larger than the workload needs.
        </p>
        <DataTable
          caption="Namespaces with CPU and memory efficiency"
          rows={insights.namespaces}
          rowKey={(row) => `${row.cluster}/${row.namespace}`}
          filterText={(row) => `${row.cluster}/${row.namespace}`}
          filterLabel="Filter namespaces"
          initialSort={{ key: "cost", direction: "desc" }}
          empty={<p className={muted}>No Kubernetes namespaces are allocated to this squad in this range.</p>}
          columns={[
            {
              key: "namespace",
              header: "Namespace",
              sort: "text",
              value: (row) => row.namespace,
              render: (row) => (
                <button
                  type="button"
                  onClick={() => onDrillNamespace(keyFor(row.cluster, row.namespace))}
                  aria-label={`Show namespace ${row.namespace} in the chart`}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                >
                  {row.namespace}
                </button>
              ),
            },
            { key: "cluster", header: "Cluster", sort: "text", value: (row) => row.cluster },
            moneyColumn("cost", "Cost", "cost"),
            {
              key: "cpu",
              header: "CPU efficiency",
              numeric: true,
              sort: "number",
              value: (row) => row.cpuEfficiency,
              render: (row) => <span className={efficiencyTone(row.cpuEfficiency)}>{percent(row.cpuEfficiency)}</span>,
            },
            {
              key: "ram",
              header: "Memory efficiency",
              numeric: true,
              sort: "number",
              value: (row) => row.ramEfficiency,
              render: (row) => <span className={efficiencyTone(row.ramEfficiency)}>{percent(row.ramEfficiency)}</span>,
            },
          ]}
        />
      </section>

      <section aria-labelledby="anomalies-heading">
        <h2 id="anomalies-heading" className="mb-1 text-lg font-semibold">
          Anomalies
        </h2>
        <p className={`mb-3 ${muted}`}>
          Days more than three standard deviations and 20% above the 14 days before them, with what drove the jump.
        </p>
        <DataTable
          caption="Spend anomalies"
          rows={insights.anomalies}
          rowKey={(row) => row.day}
          filterText={(row) => `${row.day} ${row.driver?.key ?? ""}`}
          filterLabel="Filter anomalies"
          initialSort={{ key: "day", direction: "desc" }}
          empty={<p className={muted}>No anomalies in this range: daily spend stayed near its recent baseline.</p>}
          columns={[
            { key: "day", header: "Day", sort: "text", value: (row) => row.day, render: (row) => formatDay(row.day) },
            moneyColumn("total", "Spend", "total"),
            moneyColumn("baseline", "Baseline", "baseline"),
            {
              key: "above",
              header: "Above",
              numeric: true,
              sort: "number",
              value: (row) => row.abovePercent,
              render: (row) => `+${row.abovePercent.toFixed(1)}%`,
            },
            {
              key: "driver",
              header: "Driven by",
              sort: "text",
              value: (row) => row.driver?.key ?? null,
              render: (row) =>
                row.driver ? (
                  <span>
                    {row.driver.kind} <code className="text-xs">{row.driver.key}</code>: {formatUsd(row.driver.amount)}{" "}
                    <span className="text-slate-600 dark:text-slate-400">
                      (baseline {formatUsd(row.driver.baseline)})
                    </span>
                  </span>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="recommendations-heading">
        <h2 id="recommendations-heading" className="mb-1 text-lg font-semibold">
          Open recommendations
        </h2>
        <DataTable
          caption="The squad's open recommendations"
          rows={insights.recommendations}
          rowKey={(row) => row.id}
          filterText={(row) =>
            `${recommendationTypeLabel[row.type] ?? row.type} ${row.resourceId} ${row.terraformAddress ?? ""}`
          }
          filterLabel="Filter recommendations"
          initialSort={{ key: "saving", direction: "desc" }}
          empty={<p className={muted}>No open recommendations for this squad.</p>}
          columns={[
            {
              key: "type",
              header: "Type",
              sort: "text",
              value: (row) => recommendationTypeLabel[row.type] ?? row.type,
            },
            {
              key: "resource",
              header: "Resource",
              sort: "text",
              value: (row) => row.resourceId,
              render: (row) => (
                <span>
                  <code className="text-xs">{row.resourceId}</code>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{row.region}</span>
                </span>
              ),
            },
            { key: "status", header: "Status", sort: "text", value: (row) => statusLabel[row.status] ?? row.status },
            moneyColumn("saving", "Monthly saving", "monthlySaving"),
          ]}
        />
      </section>
    </div>
  );
}
