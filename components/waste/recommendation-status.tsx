"use client";

import type { RecommendationState } from "./recommendation-schemas";
import { recommendationStatusLabel } from "./recommendation-types";
import { useRecommendationState } from "./use-recommendation-state";

export const STATUS_HEADING_ID = "recommendation-status-heading";

const tone: Record<string, string> = {
  OPEN: "border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-50",
  DISMISSED: "border-slate-300 bg-slate-100 text-slate-900 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100",
  IN_PROGRESS: "border-sky-200 bg-sky-50 text-sky-950 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-50",
  RESOLVED:
    "border-emerald-200 bg-emerald-50 text-emerald-950 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-50",
  REALISED:
    "border-emerald-200 bg-emerald-50 text-emerald-950 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-50",
};

const explanation: Record<string, string> = {
  OPEN: "Waiting for someone to act on it.",
  IN_PROGRESS: "A pull request that removes this waste is open.",
  RESOLVED: "The resource is gone or changed since detection.",
  REALISED: "The saving shows in the cost data.",
};

/** Where the recommendation stands; after a dismissal: who dismissed it and why. */
export function RecommendationStatusPanel({ initial }: { initial: RecommendationState }) {
  const { data, error } = useRecommendationState(initial);
  return (
    <section aria-labelledby={STATUS_HEADING_ID} className={`rounded-xl border px-5 py-4 ${tone[data.status] ?? ""}`}>
      <h2 id={STATUS_HEADING_ID} tabIndex={-1} className="text-sm font-semibold">
        Status: {recommendationStatusLabel(data.status)}
      </h2>
      {data.status === "DISMISSED" ? (
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Reason</dt>
          <dd>{data.dismissedReason ?? "—"}</dd>
          <dt className="font-medium">Dismissed by</dt>
          <dd>{data.dismissedBy ?? "unknown"}</dd>
        </dl>
      ) : (
        <p className="mt-1 text-sm">{explanation[data.status] ?? ""}</p>
      )}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {error.message}: showing the status loaded before.
        </p>
      ) : null}
    </section>
  );
}
