"use client";

import { useId } from "react";
import type { ListFilters, StatusFilter } from "./list-filters";
import {
  recommendationStatuses,
  recommendationStatusLabel,
  recommendationTypes,
  typeLabel,
  type RecommendationType,
} from "./recommendation-types";

export interface SquadOption {
  value: string;
  label: string;
}

const selectClass =
  "mt-1 block w-full min-w-44 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm focus:border-brand-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
const labelClass = "block text-xs font-medium text-slate-600 dark:text-slate-400";

/** The filter bar above a recommendation list; every change is reported at once (no Apply button). */
export function RecommendationFilters({
  filters,
  squads,
  showType,
  showStatus = true,
  pending,
  onChange,
}: {
  filters: ListFilters;
  squads: SquadOption[];
  showType: boolean;
  showStatus?: boolean;
  pending: boolean;
  onChange: (next: ListFilters) => void;
}) {
  const id = useId();
  const knownSquad = !filters.squad || squads.some((squad) => squad.value === filters.squad);
  return (
    <form
      role="search"
      aria-label="Filter recommendations"
      className="flex flex-wrap items-end gap-4"
      onSubmit={(event) => event.preventDefault()}
    >
      <div>
        <label htmlFor={`${id}-squad`} className={labelClass}>
          Squad
        </label>
        <select
          id={`${id}-squad`}
          className={selectClass}
          value={filters.squad ?? ""}
          onChange={(event) => onChange({ ...filters, squad: event.target.value || null })}
        >
          <option value="">All squads</option>
          {knownSquad ? null : <option value={filters.squad ?? ""}>{filters.squad}</option>}
          {squads.map((squad) => (
            <option key={squad.value} value={squad.value}>
              {squad.label}
            </option>
          ))}
        </select>
      </div>
      {showType ? (
        <div>
          <label htmlFor={`${id}-type`} className={labelClass}>
            Type
          </label>
          <select
            id={`${id}-type`}
            className={selectClass}
            value={filters.type ?? ""}
            onChange={(event) =>
              onChange({ ...filters, type: (event.target.value || null) as RecommendationType | null })
            }
          >
            <option value="">All types</option>
            {recommendationTypes.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {showStatus ? (
        <div>
          <label htmlFor={`${id}-status`} className={labelClass}>
            Status
          </label>
          <select
            id={`${id}-status`}
            className={selectClass}
            value={filters.status}
            onChange={(event) => onChange({ ...filters, status: event.target.value as StatusFilter })}
          >
            {recommendationStatuses.map((status) => (
              <option key={status} value={status}>
                {recommendationStatusLabel(status)}
              </option>
            ))}
            <option value="ALL">Any status</option>
          </select>
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="pb-2 text-xs text-slate-600 dark:text-slate-400">
        {pending ? "Updating…" : ""}
      </p>
    </form>
  );
}
