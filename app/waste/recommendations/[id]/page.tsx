import { Breadcrumbs } from "@/components/waste/breadcrumbs";
import { notFound } from "next/navigation";
import { EvidenceCharts } from "@/components/waste/evidence-charts";
import {
  EvidenceCosts,
  EvidencePrices,
  FactList,
  ResourceDetails,
  TagTable,
} from "@/components/waste/evidence-details";
import { RecommendationActions } from "@/components/waste/recommendation-actions";
import { recommendationStateSchema } from "@/components/waste/recommendation-schemas";
import { RecommendationStatusPanel } from "@/components/waste/recommendation-status";
import { typeLabel, wasteTypeHref } from "@/components/waste/recommendation-types";
import { PageHeader } from "@/components/ui/page-header";
import { ProblemPanel } from "@/components/ui/problem-panel";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { getRecommendation } from "@/lib/queries/recommendations";
import { getThresholds } from "@/lib/waste/thresholds";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  const { id } = await params;
  const loaded = await loadOrDescribe("recommendation title", async () => getRecommendation(await getPrisma(), id));
  const recommendation = loaded.ok ? loaded.data : null;
  return {
    title: recommendation ? `${typeLabel(recommendation.type)} ${recommendation.resourceId}` : "Recommendation",
  };
}

export default async function RecommendationPage({ params }: Props) {
  const { id } = await params;
  const loaded = await loadOrDescribe("recommendation", async () => {
    const prisma = await getPrisma();
    const [recommendation, thresholds] = await Promise.all([getRecommendation(prisma, id), getThresholds(prisma)]);
    return recommendation ? { recommendation, thresholds } : null;
  });
  if (loaded.ok && !loaded.data) notFound();

  return (
    <>
      <Breadcrumbs
        trail={[
          { href: "/waste", label: "Waste" },
          ...(loaded.ok && loaded.data
            ? [
                {
                  href: wasteTypeHref(loaded.data.recommendation.type),
                  label: typeLabel(loaded.data.recommendation.type),
                },
              ]
            : []),
        ]}
      />
      {!loaded.ok ? (
        <>
          <PageHeader title="Recommendation" />
          <ProblemPanel problem={loaded.problem} />
        </>
      ) : loaded.data ? (
        <RecommendationView {...loaded.data} />
      ) : null}
    </>
  );
}

type Loaded = {
  recommendation: NonNullable<Awaited<ReturnType<typeof getRecommendation>>>;
  thresholds: Awaited<ReturnType<typeof getThresholds>>;
};

function RecommendationView({ recommendation, thresholds }: Loaded) {
  const { evidence } = recommendation;
  const state = recommendationStateSchema.parse(recommendation);
  return (
    <div className="space-y-8">
      <PageHeader
        title={`${typeLabel(recommendation.type)}: ${recommendation.resourceId}`}
        description={evidence?.summary}
        actions={
          <RecommendationActions initial={state} resourceId={recommendation.resourceId} squad={recommendation.squad} />
        }
      />
      <RecommendationStatusPanel initial={state} />
      <EvidenceCosts recommendation={recommendation} evidence={evidence} />
      {evidence ? (
        <>
          <section
            aria-labelledby="fix-heading"
            className="rounded-xl border border-slate-200 bg-white px-5 py-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <h2 id="fix-heading" className="text-sm font-semibold">
              The fix
            </h2>
            <p className="mt-1 text-sm">{evidence.fix}</p>
          </section>
          <EvidenceCharts type={recommendation.type} evidence={evidence} thresholds={thresholds} />
          <EvidencePrices evidence={evidence} />
          <FactList facts={evidence.facts} />
        </>
      ) : (
        <section
          role="alert"
          className="rounded-xl border border-amber-200 bg-amber-50 px-6 py-5 text-amber-950 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-50"
        >
          <h2 className="font-semibold">The evidence stored for this recommendation cannot be read</h2>
          <p className="mt-1 text-sm">
            It was written in an older format. The next detection run rewrites it: run{" "}
            <code>npm run jobs -- run all</code> or use Run now on the Jobs page.
          </p>
        </section>
      )}
      <ResourceDetails recommendation={recommendation} />
      <TagTable tags={recommendation.tags} />
    </div>
  );
}
