"use client";

import { useRouter } from "next/navigation";
import { StackedDailyChart } from "../charts/stacked-daily-chart";
import type { DailyValues } from "../charts/stacked-series";

const ownerless = ["shared", "idle", "unallocated"];
const ownerlessLabel: Record<string, string> = { shared: "Shared", idle: "Cluster idle", unallocated: "Unallocated" };

/** The organisation's daily spend stacked by squad; a squad in the legend opens its page for the same range. */
export function OverviewSquadChart({
  days,
  series,
  names,
  range,
  description,
}: {
  days: DailyValues[];
  series: string[];
  names: Record<string, string>;
  range: { from: string; to: string };
  description: string;
}) {
  const router = useRouter();
  const labelOf = (key: string) => ownerlessLabel[key] ?? names[key] ?? key;
  return (
    <StackedDailyChart
      title="Spend by squad, last 30 days"
      description={description}
      days={days}
      keys={series}
      pinned={ownerless}
      labelOf={labelOf}
      maxSeries={16}
      fileName={["spend-by-squad", range.from, range.to]}
      height="h-80"
      onSelectKey={(key) => {
        if (!ownerless.includes(key))
          router.push(`/squads/${encodeURIComponent(key)}?from=${range.from}&to=${range.to}`);
      }}
      selectLabel={(key) => (ownerless.includes(key) ? "" : "Open squad")}
    />
  );
}
