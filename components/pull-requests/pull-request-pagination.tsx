import Link from "next/link";
import type { PullRequestListQuery } from "@/lib/queries/pull-request-list";
import { pullRequestsHref } from "./list-params";

const linkClass =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800";

export function PullRequestPagination({
  query,
  page,
  pageCount,
  total,
}: {
  query: PullRequestListQuery;
  page: number;
  pageCount: number;
  total: number;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pull request pages" className="mt-4 flex items-center justify-between gap-4 text-sm">
      <p className="text-slate-600 dark:text-slate-400">
        Page {page} of {pageCount} ({total} pull requests)
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className={linkClass} href={pullRequestsHref({ ...query, page: page - 1 })} rel="prev">
            Previous page
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link className={linkClass} href={pullRequestsHref({ ...query, page: page + 1 })} rel="next">
            Next page
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
