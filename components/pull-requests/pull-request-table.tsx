import Link from "next/link";
import type { ReactNode } from "react";
import { recommendationTypeLabel, statusLabel } from "@/components/ui/labels";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format/dates";
import { formatUsd } from "@/lib/format/money";
import type { PullRequestListItem, PullRequestListQuery, PullRequestSort } from "@/lib/queries/pull-request-list";
import { sortHref, stateName } from "./list-params";

const linkClass = "text-brand-700 underline-offset-2 hover:underline dark:text-brand-100";

function SortLink({
  query,
  sort,
  children,
}: {
  query: PullRequestListQuery;
  sort: PullRequestSort;
  children: ReactNode;
}) {
  const active = query.sort === sort;
  const arrow = active ? (query.dir === "asc" ? "▲" : "▼") : "";
  return (
    <Link href={sortHref(query, sort)} className="inline-flex items-center gap-1 hover:underline">
      {children}
      <span aria-hidden="true">{arrow}</span>
      <span className="sr-only">
        {active ? `, sorted ${query.dir === "asc" ? "ascending" : "descending"}` : ", sort by this column"}
      </span>
    </Link>
  );
}

const stateTone: Record<string, string> = {
  OPENING: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100",
  OPEN: "bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-100",
  MERGED: "bg-brand-100 text-brand-700 dark:bg-brand-700/40 dark:text-brand-100",
  CLOSED: "bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
};

function StateBadge({ pr }: { pr: PullRequestListItem }) {
  const when = pr.state === "MERGED" ? pr.mergedAt : pr.state === "CLOSED" ? pr.closedAt : null;
  return (
    <>
      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${stateTone[pr.state] ?? ""}`}>
        {stateName(pr.state)}
      </span>
      {when ? (
        <span className="mt-1 block text-xs text-slate-500 dark:text-slate-400">{formatDateTime(when)}</span>
      ) : null}
    </>
  );
}

function Realised({ pr }: { pr: PullRequestListItem }) {
  if (pr.realisedSaving) return <>{formatUsd(pr.realisedSaving)}</>;
  const note = pr.state === "MERGED" ? "waiting for the bill" : "—";
  return <span className="text-xs text-slate-500 dark:text-slate-400">{note}</span>;
}

export function PullRequestTable({ items, query }: { items: PullRequestListItem[]; query: PullRequestListQuery }) {
  return (
    <Table caption="Terraform pull requests, with the recommendations each carries and their monthly savings">
      <thead>
        <tr>
          <Th>Pull request</Th>
          <Th>
            <SortLink query={query} sort="state">
              State
            </SortLink>
          </Th>
          <Th>Author</Th>
          <Th>
            <SortLink query={query} sort="opened">
              Opened
            </SortLink>
          </Th>
          <Th>Recommendations</Th>
          <Th numeric>
            <SortLink query={query} sort="projected">
              Projected / month
            </SortLink>
          </Th>
          <Th numeric>
            <SortLink query={query} sort="realised">
              Realised / month
            </SortLink>
          </Th>
        </tr>
      </thead>
      <tbody>
        {items.map((pr) => (
          <tr key={pr.id}>
            <Td>
              {pr.url ? (
                <a className={linkClass} href={pr.url}>
                  {pr.title}
                </a>
              ) : (
                <span>{pr.title}</span>
              )}
              <span className="block text-xs text-slate-500 dark:text-slate-400">
                {pr.repo}
                {pr.number === null ? "" : `#${pr.number}`}
              </span>
            </Td>
            <Td>
              <StateBadge pr={pr} />
            </Td>
            <Td>{pr.createdBy}</Td>
            <Td>{formatDateTime(pr.createdAt)}</Td>
            <Td>
              <ul className="space-y-1">
                {pr.recommendations.map((r) => (
                  <li key={r.id}>
                    <Link className={linkClass} href={`/waste/recommendations/${r.id}`}>
                      {recommendationTypeLabel[r.type] ?? r.type}: {r.resourceId}
                    </Link>{" "}
                    <span className="text-xs text-slate-500 dark:text-slate-400">
                      ({statusLabel[r.status] ?? r.status})
                    </span>
                  </li>
                ))}
              </ul>
            </Td>
            <Td numeric>{formatUsd(pr.projectedSaving)}</Td>
            <Td numeric>
              <Realised pr={pr} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
