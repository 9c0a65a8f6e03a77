import type { PrismaClient } from "../db/generated/client";
import { todayUtc, type IsoDay } from "../format/dates";
import { monthBounds } from "../review/review-month";

export interface ReviewMonth {
  /** "YYYY-MM" */
  month: string;
  total: string;
  days: number;
  daysInMonth: number;
  /** the month is still in progress, or some of its days have no cost data */
  partial: boolean;
}

/** Months that have cost data, newest first, with their Cost Explorer total and whether they are whole. */
export async function listReviewMonths(prisma: PrismaClient, today: IsoDay = todayUtc()): Promise<ReviewMonth[]> {
  const rows = await prisma.$queryRaw<Array<{ month: string; total: { toString(): string }; days: bigint }>>`
    SELECT to_char(day, 'YYYY-MM') AS month, SUM(unblended_cost) AS total, COUNT(DISTINCT day) AS days
    FROM cost_daily
    GROUP BY 1
    ORDER BY 1 DESC`;
  return rows.map((row) => {
    const bounds = monthBounds(row.month);
    const days = Number(row.days);
    return {
      month: row.month,
      total: row.total.toString(),
      days,
      daysInMonth: bounds.days,
      partial: today < bounds.to || days < bounds.days,
    };
  });
}
