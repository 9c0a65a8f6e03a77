import { describeRange, rangeFromSearch } from "@/components/charts/date-range";
import { ReconciliationViewer } from "@/components/spend/reconciliation-view";
import { TagCoveragePanels } from "@/components/spend/tag-coverage-panels";
import { LoadedContent } from "@/components/ui/loaded-content";
import { NoCostData } from "@/components/ui/no-cost-data";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { addDays } from "@/lib/format/dates";
import { getLatestSpendWindow } from "@/lib/queries/daily-spend";
import { getReconciliation } from "@/lib/queries/spend/get-reconciliation";
import { getTagCoverage } from "@/lib/queries/spend/get-tag-coverage";

export const dynamic = "force-dynamic";
export const metadata = { title: "Reconciliation" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReconciliationPage({ searchParams }: Props) {
  const search = await searchParams;
  const loaded = await loadOrDescribe("reconciliation", async () => {
    const prisma = await getPrisma();
    const window = await getLatestSpendWindow(prisma, 30);
    if (!window) return null;
    const range = rangeFromSearch(search, window);
    const [reconciliation, coverage] = await Promise.all([
      getReconciliation(prisma, range),
      getTagCoverage(prisma, range, { limit: 50 }),
    ]);
    return { range, reconciliation, coverage, latestDay: addDays(window.to, -1) };
  });
  return (
    <>
      <PageHeader
        title="Reconciliation"
        description="Does every dollar of the bill have an owner? Each day, squads + shared + idle + unallocated must equal Cost Explorer's total to the cent; below, whom to chase for the spend nobody owns."
      />
      <LoadedContent loaded={loaded} empty={<NoCostData />}>
        {(data) => (
          <div className="space-y-10">
            <ReconciliationViewer
              initial={{ ...data.range, days: data.reconciliation.days }}
              latestDay={data.latestDay}
            />
            <section aria-labelledby="tag-coverage" className="space-y-4">
              <h2 id="tag-coverage" className="text-lg font-semibold">
                Tag coverage, {describeRange(data.range)}
              </h2>
              <TagCoveragePanels coverage={data.coverage} rangeLabel={describeRange(data.range)} />
            </section>
          </div>
        )}
      </LoadedContent>
    </>
  );
}
