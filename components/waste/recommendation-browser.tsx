"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { formatUsd } from "@/lib/format/money";
import { EmptyState } from "../ui/empty-state";
import { listSearch, sameFilters, type ListFilters, type ListSort } from "./list-filters";
import { RecommendationFilters, type SquadOption } from "./recommendation-filters";
import { recommendationListQuery } from "./recommendation-queries";
import type { RecommendationPage } from "./recommendation-schemas";
import { RecommendationTable } from "./recommendation-table";
import { sortRecommendations, sumDecimals } from "./sort-recommendations";

const buttonClass =
  "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";

/**
 * A filterable, sortable recommendation list with "Load more". The server renders the first page for the
 * filters in the URL; later pages and (in "local" mode) filter changes come from GET /api/recommendations
 * through TanStack Query, and the URL follows along without a reload. In "navigate" mode (the overview,
 * whose totals are computed on the server) a filter change is a soft navigation that re-renders the page.
 */
export function RecommendationBrowser({
  caption,
  initialFilters,
  initialSort,
  initialPage,
  squads,
  fixedType,
  mode,
}: {
  caption: string;
  initialFilters: ListFilters;
  initialSort: ListSort;
  initialPage: RecommendationPage;
  squads: SquadOption[];
  /** set on the per-type page: the type is in the path and has no filter */
  fixedType: boolean;
  mode: "local" | "navigate";
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [filters, setFilters] = useState(initialFilters);
  // What the filter bar shows while a "navigate" change is on its way (the list keeps its filters until then).
  const [requested, setRequested] = useState(initialFilters);
  const [sort, setSort] = useState(initialSort);
  const [navigating, startNavigation] = useTransition();

  const query = useInfiniteQuery(
    recommendationListQuery(filters, sameFilters(filters, initialFilters) ? initialPage : undefined),
  );

  const url = (nextFilters: ListFilters, nextSort: ListSort) =>
    `${pathname}${listSearch(nextFilters, nextSort, !fixedType)}`;

  function changeFilters(next: ListFilters) {
    setRequested(next);
    if (mode === "navigate") {
      startNavigation(() => router.replace(url(next, sort), { scroll: false }));
      return;
    }
    setFilters(next);
    window.history.replaceState(null, "", url(next, sort));
  }

  function changeSort(next: ListSort) {
    setSort(next);
    window.history.replaceState(null, "", url(filters, next));
  }

  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const sorted = useMemo(() => sortRecommendations(items, sort), [items, sort]);
  const loadedSaving = useMemo(() => sumDecimals(items.map((item) => item.monthlySaving)), [items]);

  return (
    <div className="space-y-4">
      <RecommendationFilters
        filters={requested}
        squads={squads}
        showType={!fixedType}
        pending={navigating || (query.isFetching && !query.isFetchingNextPage)}
        onChange={changeFilters}
      />
      {query.isPending ? (
        <p
          role="status"
          className="rounded-xl border border-slate-200 bg-white px-6 py-8 text-sm dark:border-slate-800 dark:bg-slate-900"
        >
          Loading recommendations…
        </p>
      ) : query.isError && items.length === 0 ? (
        <section
          role="alert"
          className="rounded-xl border border-red-200 bg-red-50 px-6 py-5 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
        >
          <h3 className="font-semibold">The recommendations could not be loaded</h3>
          <p className="mt-1 text-sm">{query.error.message}</p>
          <button type="button" className={`${buttonClass} mt-3`} onClick={() => void query.refetch()}>
            Retry
          </button>
        </section>
      ) : items.length === 0 ? (
        <EmptyState title="No recommendations match these filters">
          Try another squad or status: dismissed and resolved recommendations are under their own status.
        </EmptyState>
      ) : (
        <>
          <RecommendationTable caption={caption} items={sorted} sort={sort} showType={!fixedType} onSort={changeSort} />
          <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-400">
            <p>
              {items.length.toLocaleString("en-US")} shown, {formatUsd(loadedSaving)} a month
              {query.hasNextPage ? "; sorting applies to the recommendations shown" : ""}.
            </p>
            {query.hasNextPage ? (
              <button
                type="button"
                className={buttonClass}
                disabled={query.isFetchingNextPage}
                onClick={() => void query.fetchNextPage()}
              >
                {query.isFetchingNextPage ? "Loading more…" : "Load more"}
              </button>
            ) : null}
          </div>
          {query.isFetchNextPageError ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {query.error?.message}. Select “Load more” to retry.
            </p>
          ) : query.isError ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {query.error.message}: showing the recommendations loaded before.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
