// TanStack Query options for the Waste pages, shared by every component that reads the same data so that
// their cache entries line up (a dismissal updates the list and the recommendation page alike).
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { recommendationsApiUrl, type ListFilters } from "./list-filters";
import {
  apiErrorMessage,
  recommendationPageSchema,
  recommendationStateSchema,
  type RecommendationPage,
  type RecommendationState,
} from "./recommendation-schemas";

async function readJson(response: Response, what: string): Promise<unknown> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = apiErrorMessage(body);
    throw new Error(`${what} could not be loaded (HTTP ${response.status})${detail ? `: ${detail}` : ""}`);
  }
  return body;
}

export const recommendationKeys = {
  all: ["recommendations"] as const,
  lists: () => [...recommendationKeys.all, "list"] as const,
  list: (filters: ListFilters) =>
    [...recommendationKeys.lists(), { type: filters.type, squad: filters.squad, status: filters.status }] as const,
  detail: (id: string) => [...recommendationKeys.all, "detail", id] as const,
};

export async function fetchRecommendationPage(
  filters: ListFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<RecommendationPage> {
  const response = await fetch(recommendationsApiUrl(filters, { cursor }), { cache: "no-store", signal });
  const parsed = recommendationPageSchema.safeParse(await readJson(response, "Recommendations"));
  if (!parsed.success) throw new Error("The recommendations API answered in a shape this page does not understand");
  return parsed.data;
}

export function recommendationListQuery(filters: ListFilters, initial?: RecommendationPage) {
  return infiniteQueryOptions({
    queryKey: recommendationKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchRecommendationPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
    ...(initial ? { initialData: { pages: [initial], pageParams: [null] } } : {}),
  });
}

export async function fetchRecommendationState(id: string, signal?: AbortSignal): Promise<RecommendationState> {
  const response = await fetch(`/api/recommendations/${encodeURIComponent(id)}`, { cache: "no-store", signal });
  const parsed = recommendationStateSchema.safeParse(await readJson(response, "The recommendation"));
  if (!parsed.success) throw new Error("The recommendation API answered in a shape this page does not understand");
  return parsed.data;
}

export function recommendationStateQuery(id: string, initial: RecommendationState) {
  return queryOptions({
    queryKey: recommendationKeys.detail(id),
    queryFn: ({ signal }) => fetchRecommendationState(id, signal),
    initialData: initial,
  });
}
