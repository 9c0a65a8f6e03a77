// Every table of the review, built once from the figures: the page renders `display`, the CSV download and
// GET /api/review/:month/csv serve `csv` of the same rows and columns (amounts exact, not rounded).
import { z } from "zod";
import { Decimal } from "../db/decimal";
import { formatUsd } from "../format/money";
import { recommendationTypeLabel } from "../format/recommendation-labels";
import type { MonthlyReview } from "./load-review";
import { monthLabel } from "./review-month";

export const REVIEW_TABLES = [
  "squads",
  "movers",
  "allocation-rules",
  "unallocated-accounts",
  "waste-by-type",
  "waste-by-squad",
  "pull-requests",
  "leaderboard",
] as const;

export const reviewTableSchema = z.enum(REVIEW_TABLES, {
  error: `table must be one of: ${REVIEW_TABLES.join(", ")}`,
});

export type ReviewTableId = (typeof REVIEW_TABLES)[number];

export interface ReviewCell {
  display: string;
  csv: string | number | null;
  numeric?: boolean;
}

export interface ReviewTable {
  id: ReviewTableId;
  title: string;
  header: string[];
  /** which columns are numbers (right-aligned) */
  numeric: boolean[];
  rows: Array<{ key: string; cells: ReviewCell[] }>;
}

const money = (amount: string): ReviewCell => ({ display: formatUsd(amount), csv: amount, numeric: true });
const count = (value: number): ReviewCell => ({ display: String(value), csv: value, numeric: true });
const text = (value: string): ReviewCell => ({ display: value, csv: value });

/** "+12.5%" / "-3.0%" / "new" from a ratio fraction. */
export function formatRatio(ratio: string | null): string {
  if (ratio === null) return "new";
  const percent = new Decimal(ratio).times(100).toDecimalPlaces(1);
  return `${percent.isPositive() && !percent.isZero() ? "+" : ""}${percent.toFixed(1)}%`;
}

const ratio = (value: string | null): ReviewCell => ({
  display: formatRatio(value),
  csv: value === null ? null : new Decimal(value).times(100).toDecimalPlaces(1).toFixed(1),
  numeric: true,
});

const signedMoney = (amount: string): ReviewCell => ({
  display: `${new Decimal(amount).isPositive() && !new Decimal(amount).isZero() ? "+" : ""}${formatUsd(amount)}`,
  csv: amount,
  numeric: true,
});

function table(
  id: ReviewTableId,
  title: string,
  columns: Array<[string, boolean]>,
  rows: ReviewTable["rows"],
): ReviewTable {
  return { id, title, header: columns.map(([name]) => name), numeric: columns.map(([, numeric]) => numeric), rows };
}

export function reviewTable(review: MonthlyReview, id: ReviewTableId): ReviewTable {
  const name = (slug: string) => review.squadNames[slug] ?? slug;
  const current = monthLabel(review.month.month);
  const previous = monthLabel(review.previous.month);
  switch (id) {
    case "squads":
      return table(
        id,
        "Spend by squad",
        [
          ["Squad", false],
          [current, true],
          [previous, true],
          ["Change", true],
          ["Change %", true],
        ],
        review.squads.map((squad) => ({
          key: squad.slug,
          cells: [
            text(squad.name),
            money(squad.current),
            money(squad.previous),
            signedMoney(squad.change),
            ratio(squad.ratio),
          ],
        })),
      );
    case "movers":
      return table(
        id,
        "Top movers",
        [
          ["Squad", false],
          ["Change", true],
          ["Change %", true],
          ["Driven by", false],
          ["Driver change", true],
        ],
        review.movers.map((mover) => ({
          key: mover.slug,
          cells: [
            text(mover.name),
            signedMoney(mover.change),
            ratio(mover.ratio),
            text(
              mover.driver
                ? `${mover.driver.kind === "namespace" ? "namespace" : "service"} ${mover.driver.key}`
                : "spread across many",
            ),
            mover.driver ? signedMoney(mover.driver.change) : { display: "", csv: null, numeric: true },
          ],
        })),
      );
    case "allocation-rules": {
      const total = review.tagCoverage.byRule.reduce((sum, row) => sum.plus(row.amount), new Decimal(0));
      return table(
        id,
        "Spend by allocation rule",
        [
          ["Rule", false],
          ["Amount", true],
          ["Share", true],
        ],
        review.tagCoverage.byRule.map((row) => {
          const share = total.isZero()
            ? new Decimal(0)
            : new Decimal(row.amount).dividedBy(total).times(100).toDecimalPlaces(1);
          return {
            key: row.rule,
            cells: [
              text(row.rule),
              money(row.amount),
              { display: `${share.toFixed(1)}%`, csv: share.toFixed(1), numeric: true },
            ],
          };
        }),
      );
    }
    case "unallocated-accounts":
      return table(
        id,
        "Accounts with the most unallocated spend",
        [
          ["Account", false],
          ["Name", false],
          ["Unallocated", true],
        ],
        review.tagCoverage.worstAccounts.map((row) => ({
          key: row.accountId,
          cells: [text(row.accountId), text(row.name), money(row.unallocated)],
        })),
      );
    case "waste-by-type":
      return table(
        id,
        "Waste found by type",
        [
          ["Type", false],
          ["Findings", true],
          ["New this month", true],
          ["Monthly saving", true],
        ],
        review.waste.byType.map((row) => ({
          key: row.key,
          cells: [
            text(recommendationTypeLabel[row.key] ?? row.key),
            count(row.findings),
            count(row.newThisMonth),
            money(row.monthlySaving),
          ],
        })),
      );
    case "waste-by-squad":
      return table(
        id,
        "Waste found by squad",
        [
          ["Squad", false],
          ["Findings", true],
          ["New this month", true],
          ["Monthly saving", true],
        ],
        review.waste.bySquad.map((row) => ({
          key: row.key,
          cells: [text(name(row.key)), count(row.findings), count(row.newThisMonth), money(row.monthlySaving)],
        })),
      );
    case "pull-requests":
      return table(
        id,
        "Pull requests merged",
        [
          ["Pull request", false],
          ["Merged", false],
          ["Projected monthly saving", true],
          ["Realised monthly saving", true],
        ],
        review.savings.merged.map((pr) => ({
          key: pr.id,
          cells: [
            text(`${pr.repo}${pr.number === null ? "" : `#${pr.number}`}: ${pr.title}`),
            text(pr.mergedAt!.toISOString().slice(0, 10)),
            money(pr.projectedSaving),
            pr.realisedSaving === null
              ? { display: "not yet measured", csv: null, numeric: true }
              : money(pr.realisedSaving),
          ],
        })),
      );
    case "leaderboard":
      return table(
        id,
        "Clean-up leaderboard",
        [
          ["Rank", true],
          ["Squad", false],
          ["Cleaned up", true],
          ["Saving cleaned up", true],
          ["Still open", true],
          ["Open saving", true],
        ],
        review.leaderboard.map((row, index) => ({
          key: row.squad,
          cells: [
            count(index + 1),
            text(name(row.squad)),
            count(row.cleanedUp),
            money(row.cleanedUpSaving),
            count(row.open),
            money(row.openSaving),
          ],
        })),
      );
  }
}

export function reviewTableCsvRows(table: ReviewTable) {
  return table.rows.map((row) => row.cells.map((cell) => cell.csv));
}
