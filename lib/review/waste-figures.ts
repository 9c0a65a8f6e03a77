// Waste in the review: what detectors had found by the month's end (by type and by squad, each resource
// counted once at its largest saving, as on the Waste page), and the leaderboard of squads by what they
// cleaned up in the month and what they still had open at its end.
import { Decimal } from "../db/decimal";
import type { RecommendationStatus, RecommendationType } from "../db/generated/enums";
import { fromIsoDay } from "../format/dates";
import { resourceKey } from "../waste/total-savings";
import type { MonthBounds } from "./review-month";

export interface ReviewRecommendation {
  id: string;
  type: RecommendationType;
  status: RecommendationStatus;
  /** squad slug, null when no squad owns the resource */
  squad: string | null;
  accountId: string;
  region: string;
  resourceId: string;
  monthlySaving: string;
  detectedAt: Date;
  resolvedAt: Date | null;
}

export interface WasteGroup {
  key: string;
  findings: number;
  newThisMonth: number;
  monthlySaving: string;
}

export interface WasteFound {
  findings: number;
  newThisMonth: number;
  monthlySaving: string;
  byType: WasteGroup[];
  bySquad: WasteGroup[];
  /** detected after the month's end (and not dismissed): what the review can add when presented later */
  foundSince: { findings: number; monthlySaving: string };
}

export interface LeaderboardRow {
  squad: string;
  /** resolved or realised during the month */
  cleanedUp: number;
  cleanedUpSaving: string;
  /** still open (or in progress) at the month's end */
  open: number;
  openSaving: string;
}

export const UNOWNED = "(no squad)";

const time = (day: string) => fromIsoDay(day).getTime();

/** Resolved before `at` (a resolved finding with no date counts as resolved long ago). */
function resolvedBefore(row: ReviewRecommendation, at: number): boolean {
  if (row.resolvedAt) return row.resolvedAt.getTime() < at;
  return row.status === "RESOLVED" || row.status === "REALISED";
}

/** Each resource once: its largest finding. */
function largestPerResource(rows: readonly ReviewRecommendation[]): ReviewRecommendation[] {
  const winners = new Map<string, ReviewRecommendation>();
  for (const row of rows) {
    const held = winners.get(resourceKey(row));
    if (!held || new Decimal(row.monthlySaving).greaterThan(held.monthlySaving)) winners.set(resourceKey(row), row);
  }
  return [...winners.values()];
}

function group(
  rows: readonly ReviewRecommendation[],
  keyOf: (row: ReviewRecommendation) => string,
  from: number,
): WasteGroup[] {
  const groups = new Map<string, WasteGroup>();
  for (const row of rows) {
    const key = keyOf(row);
    const held = groups.get(key) ?? { key, findings: 0, newThisMonth: 0, monthlySaving: "0" };
    groups.set(key, {
      key,
      findings: held.findings + 1,
      newThisMonth: held.newThisMonth + (row.detectedAt.getTime() >= from ? 1 : 0),
      monthlySaving: new Decimal(held.monthlySaving).plus(row.monthlySaving).toFixed(),
    });
  }
  return [...groups.values()].sort(
    (a, b) => new Decimal(b.monthlySaving).comparedTo(a.monthlySaving) || a.key.localeCompare(b.key),
  );
}

/** Findings detected before the month's end and not dismissed. */
export function wasteFound(rows: readonly ReviewRecommendation[], month: MonthBounds): WasteFound {
  const from = time(month.from);
  const to = time(month.to);
  const found = largestPerResource(rows.filter((row) => row.detectedAt.getTime() < to && row.status !== "DISMISSED"));
  const foundKeys = new Set(found.map(resourceKey));
  const later = largestPerResource(
    rows.filter(
      (row) => row.detectedAt.getTime() >= to && row.status !== "DISMISSED" && !foundKeys.has(resourceKey(row)),
    ),
  );
  return {
    findings: found.length,
    newThisMonth: found.filter((row) => row.detectedAt.getTime() >= from).length,
    monthlySaving: found.reduce((total, row) => total.plus(row.monthlySaving), new Decimal(0)).toFixed(),
    byType: group(found, (row) => row.type, from),
    bySquad: group(found, (row) => row.squad ?? UNOWNED, from),
    foundSince: {
      findings: later.length,
      monthlySaving: later.reduce((total, row) => total.plus(row.monthlySaving), new Decimal(0)).toFixed(),
    },
  };
}

/** Squads ranked by what they cleaned up in the month, then by the least saving left open at its end. */
export function cleanUpLeaderboard(rows: readonly ReviewRecommendation[], month: MonthBounds): LeaderboardRow[] {
  const from = time(month.from);
  const to = time(month.to);
  const squads = new Map<string, { cleaned: ReviewRecommendation[]; open: ReviewRecommendation[] }>();
  const entry = (squad: string) => {
    const held = squads.get(squad) ?? { cleaned: [], open: [] };
    squads.set(squad, held);
    return held;
  };
  for (const row of rows) {
    if (row.detectedAt.getTime() >= to || row.status === "DISMISSED") continue;
    const squad = row.squad ?? UNOWNED;
    const resolvedAt = row.resolvedAt?.getTime();
    if (resolvedAt !== undefined && resolvedAt >= from && resolvedAt < to) entry(squad).cleaned.push(row);
    else if (!resolvedBefore(row, to)) entry(squad).open.push(row);
  }
  const saving = (list: readonly ReviewRecommendation[]) =>
    list.reduce((total, row) => total.plus(row.monthlySaving), new Decimal(0)).toFixed();
  return [...squads.entries()]
    .map(([squad, { cleaned, open }]) => {
      const openOnce = largestPerResource(open);
      const cleanedOnce = largestPerResource(cleaned);
      return {
        squad,
        cleanedUp: cleanedOnce.length,
        cleanedUpSaving: saving(cleanedOnce),
        open: openOnce.length,
        openSaving: saving(openOnce),
      };
    })
    .sort(
      (a, b) =>
        b.cleanedUp - a.cleanedUp ||
        new Decimal(a.openSaving).comparedTo(b.openSaving) ||
        a.squad.localeCompare(b.squad),
    );
}
