import type { ReactNode } from "react";

/** A headline figure with a line of context (a change, the period it covers). */
export function StatCard({
  label,
  value,
  detail,
  emphasis = false,
}: {
  label: string;
  value: string;
  detail?: ReactNode;
  emphasis?: boolean;
}) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-sm font-medium text-slate-600 dark:text-slate-400">{label}</p>
      <p className={`mt-1 font-semibold tracking-tight tabular-nums ${emphasis ? "text-4xl" : "text-3xl"}`}>{value}</p>
      {detail ? <div className="mt-1 text-xs text-slate-600 dark:text-slate-400">{detail}</div> : null}
    </div>
  );
}
