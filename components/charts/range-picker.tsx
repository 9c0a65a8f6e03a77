"use client";

import { useId, useState, type FormEvent } from "react";
import { addDays } from "@/lib/format/dates";
import { isValidRange, lastDays, MAX_RANGE_DAYS, rangePresets, type DayRange } from "./date-range";

const control =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

/**
 * Presets relative to the newest day of cost data, plus a custom range. Shows and takes the last day
 * inclusive; hands out `to` exclusive, as the API wants it.
 */
export function RangePicker({
  value,
  latestDay,
  onChange,
}: {
  value: DayRange;
  latestDay: string;
  onChange: (range: DayRange) => void;
}) {
  const id = useId();
  const [from, setFrom] = useState(value.from);
  const [through, setThrough] = useState(addDays(value.to, -1));
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(value);
  if (shown.from !== value.from || shown.to !== value.to) {
    // The range changed elsewhere (a preset, back/forward): show it in the inputs.
    setShown(value);
    setFrom(value.from);
    setThrough(addDays(value.to, -1));
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const range = { from, to: through ? addDays(through, 1) : "" };
    if (!isValidRange(range)) {
      setError(`Choose a start day before the end day, at most ${MAX_RANGE_DAYS} days apart.`);
      return;
    }
    setError(null);
    onChange(range);
  };

  return (
    <div className="flex flex-wrap items-end gap-3">
      <div role="group" aria-label="Range presets" className="flex flex-wrap gap-1">
        {rangePresets.map((preset) => {
          const range = lastDays(latestDay, preset.days);
          const active = range.from === value.from && range.to === value.to;
          return (
            <button
              key={preset.days}
              type="button"
              aria-pressed={active}
              onClick={() => onChange(range)}
              className={`rounded-md px-2.5 py-1 text-sm font-medium ${
                active
                  ? "bg-brand-600 text-white"
                  : "border border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
              }`}
            >
              Last {preset.label}
            </button>
          );
        })}
      </div>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Custom range">
        <label className="text-xs text-slate-600 dark:text-slate-400" htmlFor={`${id}-from`}>
          From
          <input
            id={`${id}-from`}
            type="date"
            value={from}
            max={latestDay}
            onChange={(event) => setFrom(event.target.value)}
            className={`ml-1 ${control}`}
          />
        </label>
        <label className="text-xs text-slate-600 dark:text-slate-400" htmlFor={`${id}-through`}>
          Through
          <input
            id={`${id}-through`}
            type="date"
            value={through}
            max={latestDay}
            onChange={(event) => setThrough(event.target.value)}
            className={`ml-1 ${control}`}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </label>
        <button
          type="submit"
          className="rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Apply
        </button>
        {error ? (
          <p id={`${id}-error`} role="alert" className="w-full text-xs text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : null}
      </form>
    </div>
  );
}
