import { formatDay } from "@/lib/format/dates";
import type { Evidence } from "@/lib/waste/evidence";
import type { Thresholds } from "@/lib/waste/thresholds";
import { shapeMetricChart } from "./evidence-chart-data";
import { MetricChart } from "./metric-chart";
import type { RecommendationType } from "./recommendation-types";

/** The metric series the rule read, one chart each, over the lookback window. */
export function EvidenceCharts({
  type,
  evidence,
  thresholds,
}: {
  type: RecommendationType;
  evidence: Evidence;
  thresholds: Thresholds;
}) {
  const windowLabel = `${evidence.lookbackDays} days, ${formatDay(evidence.window.from)} to ${formatDay(evidence.window.to)} ${evidence.window.to.slice(0, 4)}`;
  const charts = evidence.metrics.map((series) => shapeMetricChart(type, series, thresholds));
  return (
    <section aria-labelledby="metrics-heading">
      <h2 id="metrics-heading" className="text-lg font-semibold">
        Metrics over the lookback window
      </h2>
      <p className="mb-3 mt-1 text-sm text-slate-600 dark:text-slate-400">
        {evidence.window.from} to {evidence.window.to} ({evidence.lookbackDays} days, UTC). Dashed red lines are the
        limits in the current detector settings.
      </p>
      {charts.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white px-5 py-4 text-sm dark:border-slate-800 dark:bg-slate-900">
          This rule reads no metrics: its evidence is the resource&apos;s state and dates, listed under Facts.
        </p>
      ) : (
        <div className="grid gap-4 xl:grid-cols-2">
          {charts.map((chart) => (
            <MetricChart key={chart.metric} chart={chart} windowLabel={windowLabel} />
          ))}
        </div>
      )}
    </section>
  );
}
