// What the month's pull requests achieved: those merged in the month, the monthly savings realised in it
// (a saving is realised once the resource left inventory and its cost line dropped, see the pull-request
// tracking), and the cumulative realised savings from the first pull request to the month's end.
import { Decimal } from "../db/decimal";
import { fromIsoDay } from "../format/dates";
import type { MonthBounds } from "./review-month";

export interface ReviewPullRequest {
  id: string;
  title: string;
  repo: string;
  number: number | null;
  url: string | null;
  mergedAt: Date | null;
  realisedAt: Date | null;
  projectedSaving: string;
  realisedSaving: string | null;
}

export interface RealisedSavings {
  merged: ReviewPullRequest[];
  mergedCount: number;
  /** projected monthly saving of the pull requests merged in the month */
  mergedProjectedSaving: string;
  /** monthly savings realised in the month */
  realisedThisMonth: string;
  realisedThisMonthCount: number;
  /** every monthly saving realised before the month's end */
  cumulativeRealised: string;
  cumulativeRealisedCount: number;
}

export function realisedSavings(pullRequests: readonly ReviewPullRequest[], month: MonthBounds): RealisedSavings {
  const from = fromIsoDay(month.from).getTime();
  const to = fromIsoDay(month.to).getTime();
  const inMonth = (date: Date | null) => date !== null && date.getTime() >= from && date.getTime() < to;
  const merged = pullRequests
    .filter((pr) => inMonth(pr.mergedAt))
    .sort((a, b) => a.mergedAt!.getTime() - b.mergedAt!.getTime() || a.id.localeCompare(b.id));
  const realised = pullRequests.filter((pr) => pr.realisedSaving !== null && pr.realisedAt !== null);
  const realisedNow = realised.filter((pr) => inMonth(pr.realisedAt));
  const realisedBefore = realised.filter((pr) => pr.realisedAt!.getTime() < to);
  const sum = (list: readonly ReviewPullRequest[], pick: (pr: ReviewPullRequest) => string | null) =>
    list.reduce((total, pr) => total.plus(pick(pr) ?? "0"), new Decimal(0)).toFixed();
  return {
    merged,
    mergedCount: merged.length,
    mergedProjectedSaving: sum(merged, (pr) => pr.projectedSaving),
    realisedThisMonth: sum(realisedNow, (pr) => pr.realisedSaving),
    realisedThisMonthCount: realisedNow.length,
    cumulativeRealised: sum(realisedBefore, (pr) => pr.realisedSaving),
    cumulativeRealisedCount: realisedBefore.length,
  };
}
