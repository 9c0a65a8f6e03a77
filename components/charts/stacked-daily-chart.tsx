"use client";

import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd, formatUsdCompact } from "@/lib/format/money";
import { ChartFrame, type ChartStatus, type ChartTableData } from "./chart-frame";
import { seriesColour } from "./series-colours";
import { buildStackedSeries, seriesTable, type DailyValues, type StackedSeries } from "./stacked-series";

export function stackedTableData(series: StackedSeries, labelOf: (key: string) => string): ChartTableData {
  const table = seriesTable(series, labelOf);
  return {
    header: table.header,
    rows: table.rows.map((row) => ({ key: row.key, label: row.label, csvLabel: row.period, amounts: row.amounts })),
  };
}

/** The legend as direct labels: each series with its colour and its total over the range. */
function SeriesLegend({
  series,
  labelOf,
  colours,
  onSelect,
  selectLabel,
}: {
  series: StackedSeries;
  labelOf: (key: string) => string;
  colours: Record<string, string>;
  onSelect?: (key: string) => void;
  /** words spoken before a legend entry's visible text, e.g. "Open squad"; "" for none */
  selectLabel?: (key: string) => string;
}) {
  return (
    <ul aria-label="Legend" className="mt-3 flex flex-wrap gap-x-4 gap-y-1.5 text-xs">
      {[...series.keys].map((key) => {
        const content = (
          <>
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: colours[key] }} />
            <span className="font-medium">{labelOf(key)}</span>
            <span className="tabular-nums text-slate-600 dark:text-slate-400">
              {formatUsd(series.totals[key] ?? "0")}
            </span>
          </>
        );
        return (
          <li key={key}>
            {onSelect && key !== "Other" ? (
              <button
                type="button"
                onClick={() => onSelect(key)}
                className="flex items-center gap-1.5 rounded px-1 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800"
              >
                {/* The action is spoken before the visible text, which stays part of the button's name. */}
                {selectLabel?.(key) ? <span className="sr-only">{selectLabel(key)} </span> : null}
                {content}
              </button>
            ) : (
              <span className="flex items-center gap-1.5 px-1 py-0.5">{content}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Daily spend stacked by group (squads, namespaces, services). Ranges over 120 days are drawn as weekly
 * sums; the table and CSV follow the same buckets, so they always hold exactly what is drawn.
 */
export function StackedDailyChart({
  title,
  description,
  days,
  keys,
  pinned,
  labelOf = (key) => key,
  fileName,
  status,
  headingLevel,
  maxSeries,
  onSelectKey,
  selectLabel,
  height = "h-72",
}: {
  title: string;
  description?: string;
  /** null while the first load is in flight */
  days: DailyValues[] | null;
  keys?: string[];
  pinned?: string[];
  labelOf?: (key: string) => string;
  fileName: string[];
  status?: ChartStatus;
  headingLevel?: 2 | 3;
  maxSeries?: number;
  onSelectKey?: (key: string) => void;
  selectLabel?: (key: string) => string;
  height?: string;
}) {
  const series = useMemo(
    () => (days ? buildStackedSeries(days, { keys, pinned, maxSeries }) : null),
    [days, keys, pinned, maxSeries],
  );
  const colours = useMemo(
    () => Object.fromEntries((series?.keys ?? []).map((key, index) => [key, seriesColour(key, index)])),
    [series],
  );
  // Floats exist from here on only to draw; tooltips read the exact strings.
  const plotted = useMemo(
    () =>
      series?.rows.map((row) => ({
        label: row.label,
        exact: row.values,
        total: row.total,
        ...Object.fromEntries(series.keys.map((key, index) => [`s${index}`, Number(row.values[key] ?? "0")])),
      })) ?? [],
    [series],
  );
  const description_ =
    series?.bucket === "week" ? `${description ? `${description} ` : ""}Weekly sums (long range).` : description;
  return (
    <ChartFrame
      title={title}
      description={description_}
      data={series ? stackedTableData(series, labelOf) : null}
      fileName={fileName}
      status={status}
      headingLevel={headingLevel}
      legend={
        series ? (
          <SeriesLegend
            series={series}
            labelOf={labelOf}
            colours={colours}
            onSelect={onSelectKey}
            selectLabel={selectLabel}
          />
        ) : null
      }
    >
      <div className={height} role="img" aria-label={title}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={plotted} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.12} />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: "currentColor" }} minTickGap={24} />
            <YAxis tickFormatter={formatUsdCompact} tick={{ fontSize: 12, fill: "currentColor" }} width={64} />
            <Tooltip
              cursor={{ fillOpacity: 0.08 }}
              contentStyle={{ fontSize: 12 }}
              formatter={(_value, name, item) => {
                const index = Number(String(item.dataKey).slice(1));
                const key = series?.keys[index] ?? String(name);
                const exact = (item.payload as { exact: Record<string, string> }).exact[key] ?? "0";
                return [formatUsd(exact), labelOf(key)];
              }}
            />
            {series?.keys.map((key, index) => (
              <Bar
                key={key}
                dataKey={`s${index}`}
                name={labelOf(key)}
                stackId="spend"
                fill={colours[key]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
