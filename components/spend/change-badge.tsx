import { formatUsd } from "@/lib/format/money";
import { percentChange, subtractAmounts } from "../charts/exact-decimal";

/** "+$1,234.56 (+12.3%)" with a colour: up is red (spend grew), down is green. */
export function ChangeBadge({ current, previous }: { current: string; previous: string }) {
  const difference = subtractAmounts(current, previous);
  const percent = percentChange(current, previous);
  const up = !difference.startsWith("-") && difference !== "0";
  const tone =
    difference === "0"
      ? "text-slate-600 dark:text-slate-400"
      : up
        ? "text-red-700 dark:text-red-300"
        : "text-emerald-700 dark:text-emerald-300";
  return (
    <span className={`tabular-nums ${tone}`}>
      {up ? "+" : ""}
      {formatUsd(difference)}
      {percent === null ? "" : ` (${percent > 0 ? "+" : ""}${percent.toFixed(1)}%)`}
    </span>
  );
}
