// The Waste lists' filters and sort order, read from and written to the query string so a filtered view
// can be shared and reloaded, and turned into the JSON API's query for TanStack Query.
import {
  isRecommendationStatus,
  isRecommendationType,
  type RecommendationStatus,
  type RecommendationType,
} from "./recommendation-types";

export type StatusFilter = RecommendationStatus | "ALL";

export interface ListFilters {
  type: RecommendationType | null;
  squad: string | null;
  status: StatusFilter;
}

export const sortKeys = ["saving", "current", "resource", "squad", "region", "detected"] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortDirection = "asc" | "desc";
export interface ListSort {
  key: SortKey;
  direction: SortDirection;
}

export const defaultSort: ListSort = { key: "saving", direction: "desc" };
export const defaultStatus: StatusFilter = "OPEN";
export const PAGE_SIZE = 50;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: Params, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Squad slugs, as GET /api/recommendations accepts them. */
const SQUAD_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Unknown or malformed values fall back to "no filter" rather than an error page. */
export function readListFilters(params: Params): ListFilters {
  const type = first(params, "type");
  const squad = first(params, "squad");
  const status = first(params, "status");
  return {
    type: isRecommendationType(type) ? type : null,
    squad: squad && SQUAD_PATTERN.test(squad) ? squad : null,
    status: status === "ALL" || isRecommendationStatus(status) ? status : defaultStatus,
  };
}

export function readListSort(params: Params): ListSort {
  const key = first(params, "sort");
  const direction = first(params, "dir");
  if (!(sortKeys as readonly string[]).includes(key ?? "")) return defaultSort;
  return {
    key: key as SortKey,
    direction: direction === "asc" || direction === "desc" ? direction : defaultDirection(key as SortKey),
  };
}

/** Money and dates read best largest / newest first; names alphabetically. */
export function defaultDirection(key: SortKey): SortDirection {
  return key === "saving" || key === "current" || key === "detected" ? "desc" : "asc";
}

/**
 * The page's query string, defaults left out ("" when everything is default). `includeType` is false on
 * the per-type page, where the type is in the path.
 */
export function listSearch(filters: ListFilters, sort: ListSort = defaultSort, includeType = true): string {
  const params = new URLSearchParams();
  if (includeType && filters.type) params.set("type", filters.type);
  if (filters.squad) params.set("squad", filters.squad);
  if (filters.status !== defaultStatus) params.set("status", filters.status);
  if (sort.key !== defaultSort.key || sort.direction !== defaultSort.direction) {
    params.set("sort", sort.key);
    params.set("dir", sort.direction);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** GET /api/recommendations with these filters; "ALL" statuses means no status parameter. */
export function recommendationsApiUrl(filters: ListFilters, page: { limit?: number; cursor?: string | null } = {}) {
  const params = new URLSearchParams();
  if (filters.type) params.set("type", filters.type);
  if (filters.squad) params.set("squad", filters.squad);
  if (filters.status !== "ALL") params.set("status", filters.status);
  params.set("limit", String(page.limit ?? PAGE_SIZE));
  if (page.cursor) params.set("cursor", page.cursor);
  return `/api/recommendations?${params}`;
}

export function sameFilters(a: ListFilters, b: ListFilters): boolean {
  return a.type === b.type && a.squad === b.squad && a.status === b.status;
}
