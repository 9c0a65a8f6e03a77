import { statusLabel } from "@/components/ui/labels";
import type { PullRequestListQuery, PullRequestSort } from "@/lib/queries/pull-request-list";

/** "Opening", "Open", "Merged", "Closed" */
export function stateName(state: string): string {
  return state === "OPENING" ? "Opening" : (statusLabel[state] ?? state);
}

const DEFAULTS: PullRequestListQuery = { state: "ALL", sort: "opened", dir: "desc", page: 1 };

/** The page's URL for a query, leaving defaults out so links stay short. */
export function pullRequestsHref(query: PullRequestListQuery): string {
  const params = new URLSearchParams();
  for (const key of ["state", "sort", "dir", "page"] as const) {
    if (query[key] !== DEFAULTS[key]) params.set(key, String(query[key]));
  }
  const search = params.toString();
  return search ? `/pull-requests?${search}` : "/pull-requests";
}

/** Sorting by a column: the first click sorts it descending, the next flips it; back to page 1. */
export function sortHref(query: PullRequestListQuery, sort: PullRequestSort): string {
  const dir = query.sort === sort && query.dir === "desc" ? "asc" : "desc";
  return pullRequestsHref({ ...query, sort, dir, page: 1 });
}
