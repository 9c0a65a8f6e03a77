"use client";

import { DismissButton } from "./dismiss-dialog";
import type { RecommendationState } from "./recommendation-schemas";
import { useRecommendationState } from "./use-recommendation-state";

/**
 * The actions slot of the recommendation page. Today: Dismiss, while the recommendation is open. The
 * Terraform pull-request action (the pull-request issue) goes here too, beside Dismiss, reading the same
 * state (status, terraformAddress) so both follow a dismissal or an opened pull request at once.
 */
export function RecommendationActions({ initial, resourceId }: { initial: RecommendationState; resourceId: string }) {
  const { data } = useRecommendationState(initial);
  if (data.status !== "OPEN") return null;
  return (
    <div role="group" aria-label="Actions" className="flex flex-wrap items-center gap-3">
      <DismissButton recommendationId={data.id} resourceId={resourceId} />
    </div>
  );
}
