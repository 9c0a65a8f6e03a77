import { DailySpendChart } from "@/components/charts/daily-spend-chart";
import { ChangeBadge } from "@/components/spend/change-badge";
import { MonthForecastCard } from "@/components/spend/month-forecast-card";
import { OverviewSquadChart } from "@/components/spend/overview-squad-chart";
import { StatCard } from "@/components/spend/stat-card";
import { TopMoversTable } from "@/components/spend/top-movers-table";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadedContent } from "@/components/ui/loaded-content";
import { NoCostData } from "@/components/ui/no-cost-data";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { addDays, formatDay, fromIsoDay } from "@/lib/format/dates";
import { formatUsd, formatUsdWhole } from "@/lib/format/money";
import { getOverview } from "@/lib/queries/overview";
import { getDailySpendBySquad } from "@/lib/queries/spend/get-daily-spend-by-squad";
import { listSquads } from "@/lib/queries/squad-list";

export const dynamic = "force-dynamic";

const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

const period = (from: string, to: string) => `${formatDay(from)} – ${formatDay(addDays(to, -1))}`;

export default async function OverviewPage() {
  const loaded = await loadOrDescribe("overview", async () => {
    const prisma = await getPrisma();
    const overview = await getOverview(prisma);
    if (!overview) return null;
    const [bySquad, squads] = await Promise.all([
      getDailySpendBySquad(prisma, overview.window),
      listSquads(prisma, null),
    ]);
    return { overview, bySquad, names: Object.fromEntries(squads.map((squad) => [squad.slug, squad.name])) };
  });
  return (
    <>
      <PageHeader
        title="Overview"
        description="What the organisation spends on AWS, who owns it, what is moving, and the waste found and removed."
      />
      <LoadedContent loaded={loaded} empty={<NoCostData />}>
        {({ overview: data, bySquad, names }) => {
          const allocated = bySquad.days.some((day) =>
            Object.values(day.values).some((value) => !/^0(\.0*)?$/.test(value)),
          );
          const month = monthName.format(fromIsoDay(data.forecast.from));
          return (
            <div className="space-y-8">
              <section aria-label="This month" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
                <StatCard
                  emphasis
                  label="Month to date"
                  value={formatUsdWhole(data.monthToDate.total)}
                  detail={
                    <>
                      {period(data.monthToDate.from, data.monthToDate.to)} ·{" "}
                      <ChangeBadge current={data.monthToDate.total} previous={data.monthToDate.previousTotal} /> vs{" "}
                      {period(data.monthToDate.previousFrom, data.monthToDate.previousTo)} (
                      {formatUsdWhole(data.monthToDate.previousTotal)})
                    </>
                  }
                />
                <MonthForecastCard month={month} trend={data.forecast} costExplorer={data.costExplorerForecast} />
                <StatCard
                  label="Open waste, monthly"
                  value={formatUsdWhole(data.waste.openMonthlySaving)}
                  detail={`${data.waste.openFindings} open findings on ${data.waste.resources} resources (each resource counted once)`}
                />
                <StatCard
                  label="Realised savings, monthly"
                  value={formatUsdWhole(data.waste.realisedMonthlySaving)}
                  detail={`measured after ${data.waste.realisedPullRequests} merged pull request${data.waste.realisedPullRequests === 1 ? "" : "s"}`}
                />
              </section>

              {allocated ? (
                <OverviewSquadChart
                  days={bySquad.days}
                  series={bySquad.squads}
                  names={names}
                  range={data.window}
                  description={`${period(data.window.from, data.window.to)}. Shared, cluster idle and unallocated shown as their own lines. Click a squad to open it.`}
                />
              ) : (
                <EmptyState
                  title="Spend by squad appears after the allocation job"
                  command="npm run jobs -- run allocation"
                >
                  Allocation decides which squad owns each dollar of the bill; until it has run, only the bill is shown.
                </EmptyState>
              )}

              <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
                <section aria-labelledby="movers-heading">
                  <h2 id="movers-heading" className="mb-1 text-lg font-semibold">
                    Top movers this week
                  </h2>
                  <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
                    {period(data.week.from, data.week.to)} against the 7 days before.
                  </p>
                  <TopMoversTable movers={data.topMovers} />
                </section>
                <section aria-label="The last 30 days" className="grid content-start gap-4">
                  <StatCard
                    label="Last 30 days"
                    value={formatUsdWhole(data.total)}
                    detail={period(data.window.from, data.window.to)}
                  />
                  <StatCard
                    label={`Latest day (${formatDay(data.latest.day)})`}
                    value={formatUsd(data.latest.amount)}
                  />
                  <StatCard label="Daily average" value={formatUsd(data.dailyAverage)} />
                </section>
              </div>

              <DailySpendChart
                points={data.days}
                label="Daily spend, last 30 days"
                description="The bill as Cost Explorer states it, before allocation."
              />
            </div>
          );
        }}
      </LoadedContent>
    </>
  );
}
