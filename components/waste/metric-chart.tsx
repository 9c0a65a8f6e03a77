"use client";

import { useId, useMemo, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatDay } from "@/lib/format/dates";
import {
  formatMetricTick,
  formatMetricValue,
  metricChartCsv,
  statisticLabel,
  type MetricChart as MetricChartData,
  type Statistic,
} from "./evidence-chart-data";

// Colours that read on white and on slate-900; the threshold is red and dashed.
const statisticColour: Record<Statistic, string> = {
  maximum: "#0d8468",
  p95: "#6366f1",
  average: "#0ea5e9",
  sum: "#14a37f",
};
const thresholdColour = "#dc2626";

const toggleClass = (active: boolean) =>
  `px-3 py-1 text-xs font-medium first:rounded-l-md last:rounded-r-md border border-slate-300 dark:border-slate-700 ${
    active
      ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900"
      : "bg-white text-slate-700 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
  }`;

/** One evidence series: a chart with the rule's threshold, or a table of exactly the plotted numbers. */
export function MetricChart({ chart, windowLabel }: { chart: MetricChartData; windowLabel: string }) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const id = useId();
  const title = `${chart.title}, ${windowLabel}`;
  const csvHref = useMemo(() => `data:text/csv;charset=utf-8,${encodeURIComponent(metricChartCsv(chart))}`, [chart]);
  const hasValues = chart.statistics.length > 0 && chart.rows.length > 0;
  const format = (value: unknown) => formatMetricValue(typeof value === "number" ? value : null, chart.unit);

  return (
    <figure
      aria-labelledby={`${id}-title`}
      className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
        <figcaption id={`${id}-title`} className="text-sm font-medium text-slate-800 dark:text-slate-200">
          {chart.title}
          <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">
            <code>{chart.metric}</code>
            {chart.threshold
              ? ` · ${chart.threshold.label}: ${formatMetricValue(chart.threshold.value, chart.unit)} (${statisticLabel[chart.threshold.statistic].toLowerCase()})`
              : ""}
          </span>
        </figcaption>
        {hasValues ? (
          <div className="flex items-center gap-3">
            <div role="group" aria-label={`${chart.title}: view`} className="inline-flex">
              <button
                type="button"
                aria-pressed={view === "chart"}
                className={toggleClass(view === "chart")}
                onClick={() => setView("chart")}
              >
                Chart
              </button>
              <button
                type="button"
                aria-pressed={view === "table"}
                className={toggleClass(view === "table")}
                onClick={() => setView("table")}
              >
                Table
              </button>
            </div>
            <a
              href={csvHref}
              download={`${chart.metric.replaceAll(/[^A-Za-z0-9]+/g, "-")}.csv`}
              className="text-xs font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
            >
              Download CSV<span className="sr-only"> of {chart.title}</span>
            </a>
          </div>
        ) : null}
      </div>
      {!hasValues ? (
        <p className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          No data points were stored for this metric over the window.
        </p>
      ) : view === "chart" ? (
        <div className="h-64" role="img" aria-label={title}>
          <ResponsiveContainer width="100%" height="100%">
            {chart.kind === "bar" ? (
              <BarChart data={chart.rows} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.12} />
                <XAxis dataKey="day" tickFormatter={formatDay} tick={{ fontSize: 12 }} minTickGap={16} />
                <YAxis
                  tickFormatter={(value: number) => formatMetricTick(value, chart.unit)}
                  tick={{ fontSize: 12 }}
                  width={72}
                />
                <Tooltip formatter={(value) => format(value)} labelFormatter={(day) => formatDay(String(day))} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {chart.statistics.map((statistic) => (
                  <Bar
                    key={statistic}
                    dataKey={statistic}
                    name={statisticLabel[statistic]}
                    fill={statisticColour[statistic]}
                    radius={[3, 3, 0, 0]}
                    isAnimationActive={false}
                  />
                ))}
                {chart.threshold ? thresholdLine(chart.threshold, chart.unit) : null}
              </BarChart>
            ) : (
              <LineChart data={chart.rows} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.12} />
                <XAxis dataKey="day" tickFormatter={formatDay} tick={{ fontSize: 12 }} minTickGap={16} />
                <YAxis
                  tickFormatter={(value: number) => formatMetricTick(value, chart.unit)}
                  tick={{ fontSize: 12 }}
                  width={72}
                />
                <Tooltip formatter={(value) => format(value)} labelFormatter={(day) => formatDay(String(day))} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {chart.statistics.map((statistic) => (
                  <Line
                    key={statistic}
                    type="monotone"
                    dataKey={statistic}
                    name={statisticLabel[statistic]}
                    stroke={statisticColour[statistic]}
                    strokeWidth={2}
                    dot={{ r: 2 }}
                    connectNulls={false}
                    isAnimationActive={false}
                  />
                ))}
                {chart.threshold ? thresholdLine(chart.threshold, chart.unit) : null}
              </LineChart>
            )}
          </ResponsiveContainer>
        </div>
      ) : (
        // Scrollable for long windows, so it takes the focus for keyboard scrolling.
        <div className="max-h-80 overflow-auto" tabIndex={0} role="region" aria-label={`${chart.title}: values by day`}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{`${title}, as a table`}</caption>
            <thead>
              <tr>
                <th
                  scope="col"
                  className="border-b border-slate-200 px-3 py-2 text-xs font-semibold uppercase dark:border-slate-800"
                >
                  Day
                </th>
                {chart.statistics.map((statistic) => (
                  <th
                    key={statistic}
                    scope="col"
                    className="border-b border-slate-200 px-3 py-2 text-right text-xs font-semibold uppercase dark:border-slate-800"
                  >
                    {statisticLabel[statistic]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.rows.map((row) => (
                <tr key={row.day}>
                  <th scope="row" className="border-b border-slate-100 px-3 py-1.5 font-normal dark:border-slate-800">
                    {row.day}
                  </th>
                  {chart.statistics.map((statistic) => (
                    <td
                      key={statistic}
                      className="border-b border-slate-100 px-3 py-1.5 text-right tabular-nums dark:border-slate-800"
                    >
                      {format(row[statistic])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}

// Rendered as a direct child of the chart (a call, not a wrapper component) so Recharts sees the line.
function thresholdLine(threshold: NonNullable<MetricChartData["threshold"]>, unit: MetricChartData["unit"]) {
  return (
    <ReferenceLine
      y={threshold.value}
      stroke={thresholdColour}
      strokeDasharray="6 4"
      strokeWidth={1.5}
      ifOverflow="extendDomain"
      label={{
        value: `${threshold.label} ${formatMetricValue(threshold.value, unit)}`,
        position: "insideTopRight",
        fill: thresholdColour,
        fontSize: 11,
      }}
    />
  );
}
