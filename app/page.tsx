import { DailySpendChart } from "@/components/charts/daily-spend-chart";
import { NoCostData } from "@/components/ui/no-cost-data";
import { LoadedContent } from "@/components/ui/loaded-content";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { addDays, formatDay } from "@/lib/format/dates";
import { formatUsd, formatUsdWhole } from "@/lib/format/money";
import { getOverview } from "@/lib/queries/overview";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const loaded = await loadOrDescribe("overview", async () => getOverview(await getPrisma()));
  return (
    <>
      <PageHeader
        title="Overview"
        description="What the organisation spent on AWS, day by day, as Cost Explorer states it."
      />
      <LoadedContent loaded={loaded} empty={<NoCostData />}>
        {(data) => (
          <div className="space-y-6">
            <div className="grid gap-4 sm:grid-cols-3">
              <Stat
                label="Last 30 days"
                value={formatUsdWhole(data.total)}
                detail={`${formatDay(data.window.from)} – ${formatDay(addDays(data.window.to, -1))}`}
              />
              <Stat label={`Latest day (${formatDay(data.latest.day)})`} value={formatUsd(data.latest.amount)} />
              <Stat label="Daily average" value={formatUsd(data.dailyAverage)} />
            </div>
            <DailySpendChart points={data.days} label="Daily spend, last 30 days" />
          </div>
        )}
      </LoadedContent>
    </>
  );
}
