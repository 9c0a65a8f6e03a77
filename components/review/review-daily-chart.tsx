"use client";

import { DailySpendChart, type DailyPoint } from "@/components/charts/daily-spend-chart";

/** The month's daily bill, marked for the PDF export to wait on. */
export function ReviewDailyChart({ points, label }: { points: DailyPoint[]; label: string }) {
  return (
    <div data-review-chart>
      <DailySpendChart points={points} label={label} />
    </div>
  );
}
