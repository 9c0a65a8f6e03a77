"use client";

import { DismissButton } from "./dismiss-dialog";
import { OpenPullRequest } from "./open-pull-request";
import type { RecommendationState } from "./recommendation-schemas";
import { useRecommendationState } from "./use-recommendation-state";

/**
 * The actions slot of the recommendation page: "Open Terraform PR" (or the link to the pull request once
 * open) while the recommendation is open or in progress, and Dismiss while it is open. Both read the same
 * state, so they follow a dismissal or an opened pull request at once.
 */
export function RecommendationActions(props: {
  initial: RecommendationState;
  resourceId: string;
  /** the owner squad's slug: who may act depends on it */
  squad: string | null;
}) {
  const { initial, resourceId, squad } = props;
  const { data } = useRecommendationState(initial);
  if (data.status !== "OPEN" && data.status !== "IN_PROGRESS") return null;
  return (
    <div role="group" aria-label="Actions" className="flex flex-wrap items-start gap-3">
      <OpenPullRequest recommendationId={data.id} squad={squad} />
      {data.status === "OPEN" ? (
        <DismissButton recommendationId={data.id} resourceId={resourceId} squad={squad} />
      ) : null}
    </div>
  );
}
