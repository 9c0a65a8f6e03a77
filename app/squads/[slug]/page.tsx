import Link from "next/link";
import { notFound } from "next/navigation";
import { choiceFromSearch, rangeFromSearch, textFromSearch } from "@/components/charts/date-range";
import { groupByChoices } from "@/components/spend/spend-schemas";
import { SquadSpendViewer } from "@/components/spend/squad-spend-view";
import { LoadedContent } from "@/components/ui/loaded-content";
import { NoCostData } from "@/components/ui/no-cost-data";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { addDays } from "@/lib/format/dates";
import { getLatestSpendWindow } from "@/lib/queries/daily-spend";
import { getSquadInsights } from "@/lib/queries/squad-insights";
import { getSquadSpend } from "@/lib/queries/spend/get-squad-spend";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: Props) {
  const { slug } = await params;
  return { title: `Squad ${safeDecode(slug)}` };
}

export default async function SquadPage({ params, searchParams }: Props) {
  const [{ slug: rawSlug }, search] = await Promise.all([params, searchParams]);
  const slug = safeDecode(rawSlug);
  const loaded = await loadOrDescribe("squad page", async () => {
    const prisma = await getPrisma();
    const window = await getLatestSpendWindow(prisma, 30);
    if (!window) return { found: true as const, data: null };
    const range = rangeFromSearch(search, window);
    const groupBy = choiceFromSearch(search, "groupBy", groupByChoices, "namespace");
    const [spend, insights] = await Promise.all([
      getSquadSpend(prisma, slug, { ...range, groupBy }),
      getSquadInsights(prisma, slug, range),
    ]);
    if (!spend) return { found: false as const, data: null };
    return {
      found: true as const,
      data: { spend, insights, groupBy, focus: textFromSearch(search, groupBy), latestDay: addDays(window.to, -1) },
    };
  });
  if (loaded.ok && !loaded.data.found) notFound();
  const squad = loaded.ok ? loaded.data.data?.spend.squad : undefined;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/squads" className="text-brand-700 underline underline-offset-2 dark:text-brand-100">
          Squads
        </Link>
        <span aria-hidden> / </span>
        <span aria-current="page">{squad?.name ?? slug}</span>
      </nav>
      <PageHeader
        title={squad?.name ?? slug}
        description={`Allocated spend of the squad${squad?.costCentre ? ` (cost centre ${squad.costCentre})` : ""}: by namespace or AWS service, against the period before, with its namespaces' efficiency, anomalies and open recommendations.`}
      />
      <LoadedContent loaded={loaded.ok ? { ok: true, data: loaded.data.data } : loaded} empty={<NoCostData />}>
        {(data) => (
          <SquadSpendViewer
            initial={data.spend}
            groupBy={data.groupBy}
            focus={data.focus}
            latestDay={data.latestDay}
            insights={data.insights}
          />
        )}
      </LoadedContent>
    </>
  );
}
