import Link from "next/link";
import { PullRequestFilters } from "@/components/pull-requests/pull-request-filters";
import { PullRequestPagination } from "@/components/pull-requests/pull-request-pagination";
import { PullRequestTable } from "@/components/pull-requests/pull-request-table";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadedContent } from "@/components/ui/loaded-content";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { formatUsd } from "@/lib/format/money";
import { listPullRequests, pullRequestListQuerySchema } from "@/lib/queries/pull-request-list";

export const dynamic = "force-dynamic";

const textLink = "text-brand-700 underline underline-offset-2 hover:no-underline dark:text-brand-100";
export const metadata = { title: "Pull requests" };

export default async function PullRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const query = pullRequestListQuerySchema.parse({
    state: params.state,
    sort: params.sort,
    dir: params.dir,
    page: params.page,
  });
  const loaded = await loadOrDescribe("pull request list", async () => listPullRequests(await getPrisma(), query));
  return (
    <>
      <PageHeader
        title="Pull requests"
        description="Terraform pull requests opened from recommendations. A merged fix is realised once settled Cost Explorer days show its cost group drop: the realised figure is that drop, capped at the projection."
      />
      <LoadedContent
        loaded={loaded}
        isEmpty={(data) => Object.values(data.totals.byState).every((n) => n === 0)}
        empty={
          <EmptyState title="No pull requests yet">
            Open a recommendation on the{" "}
            <Link className={textLink} href="/waste">
              Waste page
            </Link>{" "}
            and choose “Open Terraform PR”: it appears here and is tracked until the saving shows up on the bill.
          </EmptyState>
        }
      >
        {(data) => (
          <div className="space-y-6">
            <section aria-label="Savings from pull requests" className="grid gap-4 sm:grid-cols-3">
              <Stat
                label="Realised to date"
                value={formatUsd(data.totals.realisedToDate)}
                detail="a month, from merged pull requests whose drop shows on the bill"
              />
              <Stat
                label="Projected, still open"
                value={formatUsd(data.totals.projectedOpen)}
                detail={`a month, across ${data.totals.byState.OPEN + data.totals.byState.OPENING} open pull requests`}
              />
              <Stat
                label="Merged"
                value={String(data.totals.byState.MERGED)}
                detail={`${data.totals.byState.CLOSED} closed without merging`}
              />
            </section>
            <PullRequestFilters query={query} byState={data.totals.byState} />
            {data.items.length === 0 ? (
              <EmptyState title="No pull requests in this state">
                <Link className={textLink} href="/pull-requests">
                  Show all pull requests
                </Link>
              </EmptyState>
            ) : (
              <div>
                <PullRequestTable items={data.items} query={{ ...query, page: data.page }} />
                <PullRequestPagination query={query} page={data.page} pageCount={data.pageCount} total={data.total} />
              </div>
            )}
          </div>
        )}
      </LoadedContent>
    </>
  );
}
