"use client";

import Link from "next/link";
import { formatUsd } from "@/lib/format/money";
import { defaultDirection, type ListSort, type SortKey } from "./list-filters";
import type { RecommendationItem } from "./recommendation-schemas";
import { recommendationHref, recommendationStatusLabel, typeLabel } from "./recommendation-types";

const headerClass =
  "border-b border-slate-200 px-4 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400";
const cellClass = "border-b border-slate-100 px-4 py-2.5 dark:border-slate-800";

function SortHeader({
  label,
  sortKey,
  sort,
  numeric = false,
  onSort,
}: {
  label: string;
  sortKey: SortKey;
  sort: ListSort;
  numeric?: boolean;
  onSort: (sort: ListSort) => void;
}) {
  const active = sort.key === sortKey;
  const next: ListSort = active
    ? { key: sortKey, direction: sort.direction === "asc" ? "desc" : "asc" }
    : { key: sortKey, direction: defaultDirection(sortKey) };
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}
      className={`${headerClass} ${numeric ? "text-right" : ""}`}
    >
      <button
        type="button"
        onClick={() => onSort(next)}
        className="inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 dark:hover:text-white"
      >
        {label}
        <span aria-hidden="true" className="w-3">
          {active ? (sort.direction === "asc" ? "▲" : "▼") : ""}
        </span>
        <span className="sr-only">
          {active ? `, sorted ${sort.direction === "asc" ? "ascending" : "descending"}` : ", sortable"}
        </span>
      </button>
    </th>
  );
}

/** Recommendations as a sortable table; each resource links to its evidence. */
export function RecommendationTable({
  caption,
  items,
  sort,
  showType,
  onSort,
}: {
  caption: string;
  items: RecommendationItem[];
  sort: ListSort;
  showType: boolean;
  onSort: (sort: ListSort) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <SortHeader label="Resource" sortKey="resource" sort={sort} onSort={onSort} />
            {showType ? (
              <th scope="col" className={headerClass}>
                Type
              </th>
            ) : null}
            <SortHeader label="Squad" sortKey="squad" sort={sort} onSort={onSort} />
            <SortHeader label="Region" sortKey="region" sort={sort} onSort={onSort} />
            <th scope="col" className={headerClass}>
              Status
            </th>
            <SortHeader label="Detected" sortKey="detected" sort={sort} onSort={onSort} />
            <SortHeader label="Costs now / month" sortKey="current" sort={sort} numeric onSort={onSort} />
            <SortHeader label="Monthly saving" sortKey="saving" sort={sort} numeric onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/60">
              <td className={cellClass}>
                <Link
                  href={recommendationHref(item.id)}
                  className="font-mono text-xs font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                >
                  {item.resourceId}
                </Link>
                {item.terraformAddress ? (
                  <div className="mt-0.5 font-mono text-xs text-slate-500 dark:text-slate-400">
                    {item.terraformAddress}
                  </div>
                ) : null}
              </td>
              {showType ? <td className={cellClass}>{typeLabel(item.type)}</td> : null}
              <td className={cellClass}>{item.squad ?? "Unallocated"}</td>
              <td className={cellClass}>
                <span className="text-xs">{item.region}</span>
              </td>
              <td className={cellClass}>{recommendationStatusLabel(item.status)}</td>
              <td className={`${cellClass} whitespace-nowrap text-xs`}>{item.detectedAt.slice(0, 10)}</td>
              <td className={`${cellClass} text-right tabular-nums`}>{formatUsd(item.currentMonthlyCost)}</td>
              <td className={`${cellClass} text-right font-medium tabular-nums`}>{formatUsd(item.monthlySaving)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
