import type { PrismaClient } from "../db/generated/client";

export interface ReviewMonth {
  /** "YYYY-MM" */
  month: string;
  total: string;
  days: number;
}

/** Months that have cost data, newest first, with their Cost Explorer total. */
export async function listReviewMonths(prisma: PrismaClient): Promise<ReviewMonth[]> {
  const rows = await prisma.$queryRaw<Array<{ month: string; total: { toString(): string }; days: bigint }>>`
    SELECT to_char(day, 'YYYY-MM') AS month, SUM(unblended_cost) AS total, COUNT(DISTINCT day) AS days
    FROM cost_daily
    GROUP BY 1
    ORDER BY 1 DESC`;
  return rows.map((row) => ({ month: row.month, total: row.total.toString(), days: Number(row.days) }));
}
