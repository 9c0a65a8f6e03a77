"use client";

import { useQuery } from "@tanstack/react-query";
import { healthSchema } from "@/lib/health/health-schema";

async function fetchHealth() {
  const response = await fetch("/api/health", { cache: "no-store" });
  return healthSchema.parse(await response.json());
}

/** The header's database status: green when reachable, red with the reason when not; polls every 30 s. */
export function HealthBadge() {
  const { data, isPending, isError } = useQuery({
    queryKey: ["health"],
    queryFn: fetchHealth,
    refetchInterval: 30_000,
  });
  const reachable = data?.database.reachable === true;
  const label = isPending
    ? "Checking database…"
    : isError
      ? "Health check failed"
      : reachable
        ? `Database ${data.database.mode === "embedded" ? "embedded" : "Postgres"}`
        : (data?.database.problem ?? "Database unavailable");
  const tone = isPending
    ? "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300"
    : reachable
      ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
      : "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200";
  return (
    <span role="status" className={`rounded-full px-2.5 py-1 text-xs font-medium ${tone}`}>
      {label}
    </span>
  );
}
