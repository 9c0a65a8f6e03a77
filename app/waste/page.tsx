import { RecommendationBrowser } from "@/components/waste/recommendation-browser";
import { listSearch, readListFilters, readListSort, PAGE_SIZE } from "@/components/waste/list-filters";
import { recommendationPageSchema } from "@/components/waste/recommendation-schemas";
import { readWasteSummary } from "@/components/waste/waste-summary-schema";
import { SavingBySquad, SavingByType } from "@/components/waste/waste-summary";
import { NotJudgedByType } from "@/components/waste/waste-summary-gaps";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadedContent } from "@/components/ui/loaded-content";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { formatUsdWhole } from "@/lib/format/money";
import { getDetectionGaps } from "@/lib/queries/detection-gaps";
import { getWasteSummary, listRecommendations } from "@/lib/queries/recommendations";

export const dynamic = "force-dynamic";
export const metadata = { title: "Waste" };

export default async function WastePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const filters = readListFilters(params);
  const sort = readListSort(params);
  const loaded = await loadOrDescribe("waste overview", async () => {
    const prisma = await getPrisma();
    const all = readWasteSummary(await getWasteSummary(prisma, {}));
    const squad = filters.squad ? readWasteSummary(await getWasteSummary(prisma, { squad: filters.squad })) : all;
    const firstPage = recommendationPageSchema.parse(
      await listRecommendations(prisma, {
        type: filters.type ?? undefined,
        squad: filters.squad ?? undefined,
        status: filters.status === "ALL" ? undefined : filters.status,
        limit: PAGE_SIZE,
      }),
    );
    const gaps = await getDetectionGaps(prisma);
    return { all, squad, firstPage, gaps };
  });
  const squadHref = (squad: string | null) =>
    `/waste${listSearch({ ...filters, squad: squad === filters.squad ? null : squad }, sort)}`;

  return (
    <>
      <PageHeader
        title="Waste"
        description="What the detectors found and what removing it saves each month. A resource flagged twice (a zombie that is also oversized) counts once, at its larger saving."
      />
      <LoadedContent
        loaded={loaded}
        isEmpty={(data) => data.all.count === 0 && data.firstPage.items.length === 0 && data.gaps.total === 0}
        empty={
          <EmptyState title="No open recommendations" command="npm run jobs -- run all">
            The waste detectors run after each ingest and list zombie instances, orphan volumes, idle replicas, NAT
            traffic, rightsizing and always-on non-production here, each with its evidence.
          </EmptyState>
        }
      >
        {({ all, squad, firstPage, gaps }) => (
          <div className="space-y-8">
            <div className="grid gap-4 sm:grid-cols-3">
              <Stat
                label={filters.squad ? `Monthly saving, ${filters.squad}` : "Monthly saving found"}
                value={formatUsdWhole(squad.monthlySaving)}
                detail="Open recommendations, each resource once"
              />
              <Stat
                label="Resources with waste"
                value={squad.count.toLocaleString("en-US")}
                detail={
                  filters.squad
                    ? `of ${all.count.toLocaleString("en-US")} across all squads`
                    : "Open or with a pull request in progress"
                }
              />
              <Stat
                label="A year at this rate"
                value={formatUsdWhole(squad.yearlySaving)}
                detail="Monthly saving × 12"
              />
            </div>

            <section aria-labelledby="by-type-heading">
              <h2 id="by-type-heading" className="mb-3 text-lg font-semibold">
                By type{filters.squad ? `, ${filters.squad}` : ""}
              </h2>
              {squad.byType.length === 0 ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">No open recommendations for this squad.</p>
              ) : (
                <>
                  <SavingByType
                    rows={squad.byType}
                    total={squad.monthlySaving}
                    squad={filters.squad}
                    selectedType={filters.type}
                  />
                  <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
                    A resource two detectors flag counts once, under the type with the larger saving, so the rows add up
                    to the total. “Incl. overlaps” is each type&apos;s own total.
                  </p>
                </>
              )}
            </section>

            <section aria-labelledby="by-squad-heading">
              <h2 id="by-squad-heading" className="mb-3 text-lg font-semibold">
                By squad
              </h2>
              <SavingBySquad
                rows={all.bySquad}
                total={all.monthlySaving}
                selectedSquad={filters.squad}
                hrefFor={squadHref}
              />
            </section>

            <section aria-labelledby="not-judged-heading">
              <h2 id="not-judged-heading" className="mb-3 text-lg font-semibold">
                Not judged
              </h2>
              <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
                Resources a detector could not decide on because metrics or a price were missing. They are not findings
                and are not in the totals above.
              </p>
              <NotJudgedByType gaps={gaps} />
            </section>

            <section aria-labelledby="recommendations-heading">
              <h2 id="recommendations-heading" className="mb-3 text-lg font-semibold">
                Recommendations
              </h2>
              <RecommendationBrowser
                key={listSearch(filters)}
                caption="Recommendations matching the filters"
                initialFilters={filters}
                initialSort={sort}
                initialPage={firstPage}
                squads={all.bySquad.flatMap((row) => (row.squad ? [{ value: row.squad, label: row.squad }] : []))}
                fixedType={false}
                mode="navigate"
              />
            </section>
          </div>
        )}
      </LoadedContent>
    </>
  );
}
