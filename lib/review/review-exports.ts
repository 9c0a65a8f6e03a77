// The review's exports behind the route handlers: input checked with zod, a result or a safe error out.
import { buildCsv } from "../csv/build-csv";
import type { PrismaClient } from "../db/generated/client";
import { loadReview } from "./load-review";
import { parseReviewMonth } from "./review-month";
import { reviewTable, reviewTableCsvRows, reviewTableSchema } from "./review-tables";

export type ExportResult<T> = { ok: true; data: T } | { ok: false; status: 400 | 404; error: string };

export function reviewFileName(month: string, suffix: string): string {
  return `costlens-review-${month}${suffix}`;
}

export async function reviewTableCsv(
  prisma: PrismaClient,
  rawMonth: string,
  rawTable: string | null,
): Promise<ExportResult<{ fileName: string; csv: string }>> {
  const month = parseReviewMonth(rawMonth);
  if (!month.ok) return { ok: false, status: 400, error: month.error };
  const table = reviewTableSchema.safeParse(rawTable ?? "");
  if (!table.success) return { ok: false, status: 400, error: table.error.issues[0]?.message ?? "unknown table" };
  const review = await loadReview(prisma, month.month);
  if (review.status === "empty") return { ok: false, status: 404, error: `No cost data for ${month.month}` };
  const built = reviewTable(review, table.data);
  return {
    ok: true,
    data: {
      fileName: reviewFileName(month.month, `-${table.data}.csv`),
      csv: buildCsv(built.header, reviewTableCsvRows(built)),
    },
  };
}
