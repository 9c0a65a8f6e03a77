"use client";

import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/charts/chart-frame";
import { seriesColour } from "@/components/charts/series-colours";
import { formatUsd } from "@/lib/format/money";

export interface ReviewBar {
  key: string;
  label: string;
  /** the bar's length, exact */
  amount: string;
  /** said after the amount on the bar's direct label, e.g. "+4.2%" */
  detail?: string;
  /** the table view's and the CSV's amount columns for this bar */
  amounts: string[];
  /** a fixed colour (e.g. "unallocated") instead of the palette */
  colourKey?: string;
}

/**
 * Horizontal bars with direct labels (name on the axis, amount and detail at the bar's end), in the shared
 * chart frame: its Table view and CSV hold exactly `header` and each bar's `amounts`. No animation, so
 * print and the PDF capture the finished drawing.
 */
export function ReviewBarChart({
  title,
  description,
  bars,
  header,
  fileName,
}: {
  title: string;
  description?: string;
  bars: ReviewBar[];
  header: string[];
  fileName: string[];
}) {
  const plotted = bars.map((bar, index) => ({
    label: bar.label,
    value: Number(bar.amount),
    text: `${formatUsd(bar.amount)}${bar.detail ? `  ${bar.detail}` : ""}`,
    colour: seriesColour(bar.colourKey ?? bar.key, index),
  }));
  const height = Math.max(120, bars.length * 34 + 16);
  return (
    <ChartFrame
      title={title}
      description={description}
      headingLevel={3}
      fileName={fileName}
      data={{
        header,
        rows: bars.map((bar) => ({ key: bar.key, label: bar.label, csvLabel: bar.label, amounts: bar.amounts })),
      }}
    >
      <div data-review-chart role="img" aria-label={title} style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={plotted} layout="vertical" margin={{ top: 4, right: 160, bottom: 4, left: 8 }}>
            <XAxis type="number" hide domain={[0, "dataMax"]} />
            <YAxis
              type="category"
              dataKey="label"
              width={140}
              tickLine={false}
              axisLine={false}
              tick={{ fontSize: 14, fill: "currentColor" }}
            />
            <Bar dataKey="value" isAnimationActive={false} radius={[0, 4, 4, 0]}>
              {plotted.map((bar) => (
                <Cell key={bar.label} fill={bar.colour} />
              ))}
              <LabelList
                dataKey="text"
                position="right"
                style={{ fontSize: 14, fill: "currentColor", fontWeight: 600 }}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
