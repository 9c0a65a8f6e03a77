import type { CostExplorerMonthForecast, MonthForecast } from "@/lib/queries/forecast";
import { addDays, formatDay } from "@/lib/format/dates";
import { formatUsdWhole } from "@/lib/format/money";

/**
 * The month's forecast two ways, side by side and each labelled: Cost Explorer's own (month-to-date actuals
 * plus its forecast for the rest of the month, with its prediction interval) and the CostLens trend.
 */
export function MonthForecastCard({
  month,
  trend,
  costExplorer,
}: {
  month: string;
  trend: MonthForecast;
  costExplorer: CostExplorerMonthForecast | null;
}) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-sm font-medium text-slate-600 dark:text-slate-400">Forecast for {month}</p>
      <dl className="mt-2 grid gap-3">
        <div>
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">
            Cost Explorer forecast
            {costExplorer?.intervalLevel ? ` (${costExplorer.intervalLevel}% interval)` : ""}
          </dt>
          {costExplorer ? (
            <dd>
              <span className="text-2xl font-semibold tracking-tight tabular-nums">
                {formatUsdWhole(costExplorer.forecast)}
              </span>
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                {costExplorer.lower !== null && costExplorer.upper !== null
                  ? `${formatUsdWhole(costExplorer.lower)} – ${formatUsdWhole(costExplorer.upper)}. `
                  : ""}
                {costExplorer.actualTo === `${costExplorer.month}-01`
                  ? "Cost Explorer's forecast for the whole month"
                  : `Actual through ${formatDay(addDays(costExplorer.actualTo, -1))} (${formatUsdWhole(costExplorer.actual)}) plus Cost Explorer's forecast for the rest (${formatUsdWhole(costExplorer.rest)})`}
                , asked {formatDay(costExplorer.asOf)}.
                {costExplorer.nextMonth ? ` Next month: ${formatUsdWhole(costExplorer.nextMonth.forecast)}.` : ""}
              </span>
            </dd>
          ) : (
            <dd className="text-xs text-slate-600 dark:text-slate-400">
              Not stored yet: the cost-explorer job asks Cost Explorer for it on its next run.
            </dd>
          )}
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">CostLens trend</dt>
          <dd>
            <span className="text-2xl font-semibold tracking-tight tabular-nums">{formatUsdWhole(trend.forecast)}</span>
            <span className="block text-xs text-slate-600 dark:text-slate-400">
              {trend.daysElapsed} of {trend.daysInMonth} days actual, the rest a linear trend of the last{" "}
              {trend.trendDays} days.
            </span>
          </dd>
        </div>
      </dl>
    </div>
  );
}
