"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { csrfFetch } from "../auth/csrf-fetch";
import { recommendationKeys, recommendationStateQuery } from "./recommendation-queries";
import { apiErrorMessage, recommendationStateSchema, type RecommendationState } from "./recommendation-schemas";

/** The recommendation's status as the page shows it; the server's render is the first value. */
export function useRecommendationState(initial: RecommendationState) {
  return useQuery(recommendationStateQuery(initial.id, initial));
}

/** POST /api/recommendations/:id/dismiss; on success the status panel and every list refresh. */
export function useDismissRecommendation(id: string, onDismissed?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (reason: string) => {
      const response = await csrfFetch(`/api/recommendations/${encodeURIComponent(id)}/dismiss`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ reason }),
      });
      const body: unknown = await response.json().catch(() => null);
      if (response.status === 409) {
        throw new Error("This recommendation is no longer open: it was dismissed or resolved meanwhile.");
      }
      if (!response.ok) {
        const detail = apiErrorMessage(body);
        throw new Error(detail ?? `The recommendation could not be dismissed (HTTP ${response.status}). Try again.`);
      }
      const parsed = recommendationStateSchema.safeParse(body);
      return parsed.success ? parsed.data : null;
    },
    onSuccess: (state) => {
      if (state) queryClient.setQueryData(recommendationKeys.detail(id), state);
      onDismissed?.();
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: recommendationKeys.all }),
  });
}
