"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay } from "@/lib/format/dates";
import { formatUsd, formatUsdCompact } from "@/lib/format/money";

export interface DailyPoint {
  day: string;
  amount: string;
}

/** Daily spend bars. Amounts stay exact strings until here: floats exist only to draw. */
export function DailySpendChart({ points, label }: { points: DailyPoint[]; label: string }) {
  const data = points.map((point) => ({ day: point.day, value: Number(point.amount), exact: point.amount }));
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <figcaption className="mb-3 text-sm font-medium text-slate-700 dark:text-slate-300">{label}</figcaption>
      <div className="h-72" role="img" aria-label={label}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.12} />
            <XAxis dataKey="day" tickFormatter={formatDay} tick={{ fontSize: 12 }} minTickGap={24} />
            <YAxis tickFormatter={formatUsdCompact} tick={{ fontSize: 12 }} width={64} />
            <Tooltip
              formatter={(_value, _name, item) => [formatUsd((item.payload as { exact: string }).exact), "Spend"]}
              labelFormatter={(day) => formatDay(String(day))}
            />
            <Bar dataKey="value" fill="#14a37f" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
