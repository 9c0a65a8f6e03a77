"use client";

import { useMemo } from "react";
import { StackedDailyChart } from "./stacked-daily-chart";

export interface DailyPoint {
  day: string;
  amount: string;
}

/** The bill per day as one series of bars, in the shared chart frame (table view, CSV). */
export function DailySpendChart({
  points,
  label,
  description,
}: {
  points: DailyPoint[];
  label: string;
  description?: string;
}) {
  const days = useMemo(() => points.map((point) => ({ day: point.day, values: { Spend: point.amount } })), [points]);
  return <StackedDailyChart title={label} description={description} days={days} keys={["Spend"]} fileName={[label]} />;
}
