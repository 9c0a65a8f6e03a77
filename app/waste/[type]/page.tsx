import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/waste/breadcrumbs";
import { RecommendationBrowser } from "@/components/waste/recommendation-browser";
import { readListFilters, readListSort, PAGE_SIZE } from "@/components/waste/list-filters";
import { recommendationPageSchema } from "@/components/waste/recommendation-schemas";
import { typeFromSlug, typeLabel } from "@/components/waste/recommendation-types";
import { typeDescription } from "@/components/waste/type-descriptions";
import { readWasteSummary } from "@/components/waste/waste-summary-schema";
import { LoadedContent } from "@/components/ui/loaded-content";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { formatUsdWhole } from "@/lib/format/money";
import { getWasteSummary, listRecommendations } from "@/lib/queries/recommendations";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ type: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, "params">) {
  const type = typeFromSlug((await params).type);
  return { title: type ? `${typeLabel(type)} · Waste` : "Waste" };
}

export default async function WasteTypePage({ params, searchParams }: Props) {
  const type = typeFromSlug((await params).type);
  if (!type) notFound();
  const filters = { ...readListFilters(await searchParams), type };
  const sort = readListSort(await searchParams);
  const loaded = await loadOrDescribe(`waste list (${type})`, async () => {
    const prisma = await getPrisma();
    const all = readWasteSummary(await getWasteSummary(prisma, {}));
    const squad = filters.squad ? readWasteSummary(await getWasteSummary(prisma, { squad: filters.squad })) : all;
    const firstPage = recommendationPageSchema.parse(
      await listRecommendations(prisma, {
        type,
        squad: filters.squad ?? undefined,
        status: filters.status === "ALL" ? undefined : filters.status,
        limit: PAGE_SIZE,
      }),
    );
    return { all, totals: squad.byType.find((row) => row.type === type), firstPage };
  });

  return (
    <>
      <Breadcrumbs trail={[{ href: "/waste", label: "Waste" }]} current={typeLabel(type)} />
      <PageHeader title={typeLabel(type)} description={typeDescription[type]} />
      <LoadedContent loaded={loaded}>
        {({ all, totals, firstPage }) => (
          <div className="space-y-6">
            <div className="grid gap-4 sm:grid-cols-2">
              <Stat
                label={filters.squad ? `Monthly saving, ${filters.squad}` : "Monthly saving"}
                value={formatUsdWhole(totals?.grossMonthlySaving ?? "0")}
                detail="Open and in-progress recommendations of this type"
              />
              {totals && totals.grossMonthlySaving !== totals.monthlySaving ? (
                <Stat
                  label="Of which in the Waste total"
                  value={formatUsdWhole(totals.monthlySaving)}
                  detail="The rest is on resources another detector saves more on, counted there instead"
                />
              ) : null}
            </div>
            <RecommendationBrowser
              caption={`${typeLabel(type)} recommendations`}
              initialFilters={filters}
              initialSort={sort}
              initialPage={firstPage}
              squads={all.bySquad.flatMap((row) => (row.squad ? [{ value: row.squad, label: row.squad }] : []))}
              fixedType
              mode="local"
            />
          </div>
        )}
      </LoadedContent>
    </>
  );
}
