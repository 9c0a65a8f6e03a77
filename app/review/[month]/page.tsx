import Link from "next/link";
import { PdfDownloadButton } from "@/components/review/pdf-download-button";
import { ReviewSlides } from "@/components/review/review-slides";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadedContent } from "@/components/ui/loaded-content";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { loadReview } from "@/lib/review/load-review";
import { monthLabel, parseReviewMonth } from "@/lib/review/review-month";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ month: string }> };

export async function generateMetadata({ params }: Props) {
  const month = parseReviewMonth((await params).month);
  return { title: month.ok ? `Review ${month.month}` : "Monthly review" };
}

const linkClass = "text-brand-700 underline dark:text-brand-100";

export default async function ReviewMonthPage({ params }: Props) {
  const month = parseReviewMonth((await params).month);
  if (!month.ok) {
    return (
      <EmptyState title="Not a month CostLens can review">
        <p>{month.error}.</p>
        <p className="mt-2">
          <Link className={linkClass} href="/review">
            Pick a month from the list
          </Link>
        </p>
      </EmptyState>
    );
  }
  const label = monthLabel(month.month);
  const loaded = await loadOrDescribe(`review of ${month.month}`, async () =>
    loadReview(await getPrisma(), month.month),
  );
  return (
    <>
      <div className="review-screen-only">
        <PageHeader
          title={`Monthly review: ${label}`}
          description="The month's story, slide by slide. Present it full screen, print it, or export it."
          actions={
            loaded.ok && loaded.data.status === "ready" ? (
              <div className="flex flex-wrap items-center gap-2">
                <PdfDownloadButton month={month.month} />
                <a
                  href={`/api/review/${month.month}/focus.csv`}
                  download
                  className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
                >
                  FOCUS CSV
                </a>
                <Link href="/review" className={`text-sm ${linkClass}`}>
                  All months
                </Link>
              </div>
            ) : null
          }
        />
      </div>
      <LoadedContent loaded={loaded}>
        {(review) =>
          review.status === "empty" ? (
            <EmptyState title={`No cost data for ${label}`}>
              <p>
                CostLens has no Cost Explorer data for any day of {label}, so there is nothing to review (this is not a
                month of zero spend). Ingest that month, or{" "}
                <Link className={linkClass} href="/review">
                  pick a month with data
                </Link>
                .
              </p>
            </EmptyState>
          ) : (
            <ReviewSlides review={review} />
          )
        }
      </LoadedContent>
    </>
  );
}
