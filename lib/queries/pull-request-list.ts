// The Pull requests page's read model: one page of tracked pull requests with their recommendations, filtered
// by state and sorted, plus the totals the page leads with (projected saving still open, realised to date).
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { PullRequestState, RecommendationStatus, RecommendationType } from "../db/generated/enums";

export const PULL_REQUEST_STATES = ["OPENING", "OPEN", "MERGED", "CLOSED"] as const satisfies PullRequestState[];
export const PULL_REQUEST_SORTS = ["opened", "state", "projected", "realised"] as const;
export const PULL_REQUEST_PAGE_SIZE = 25;

export type PullRequestSort = (typeof PULL_REQUEST_SORTS)[number];

/** Page query parameters; anything unreadable falls back to the default rather than failing the page. */
export const pullRequestListQuerySchema = z.object({
  state: z.enum(["ALL", ...PULL_REQUEST_STATES]).catch("ALL"),
  sort: z.enum(PULL_REQUEST_SORTS).catch("opened"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type PullRequestListQuery = z.infer<typeof pullRequestListQuerySchema>;

export interface PullRequestListItem {
  id: string;
  repo: string;
  number: number | null;
  url: string | null;
  title: string;
  state: PullRequestState;
  createdBy: string;
  createdAt: Date;
  mergedAt: Date | null;
  closedAt: Date | null;
  projectedSaving: string;
  realisedSaving: string | null;
  realisedAt: Date | null;
  recommendations: {
    id: string;
    type: RecommendationType;
    resourceId: string;
    status: RecommendationStatus;
    realisedSaving: string | null;
  }[];
}

export interface PullRequestList {
  items: PullRequestListItem[];
  page: number;
  pageCount: number;
  /** pull requests matching the state filter */
  total: number;
  totals: {
    /** monthly saving projected by pull requests still opening or open */
    projectedOpen: string;
    /** monthly saving realised by merged pull requests, to date */
    realisedToDate: string;
    byState: Record<PullRequestState, number>;
  };
}

function orderBy(sort: PullRequestSort, dir: "asc" | "desc"): Prisma.PullRequestOrderByWithRelationInput[] {
  const tie: Prisma.PullRequestOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "asc" }];
  switch (sort) {
    case "opened":
      return [{ createdAt: dir }, { id: "asc" }];
    case "state":
      return [{ state: dir }, ...tie];
    case "projected":
      return [{ projectedSaving: dir }, ...tie];
    case "realised":
      // not yet realised sorts last either way
      return [{ realisedSaving: { sort: dir, nulls: "last" } }, ...tie];
  }
}

export async function listPullRequests(prisma: PrismaClient, query: PullRequestListQuery): Promise<PullRequestList> {
  const where: Prisma.PullRequestWhereInput = query.state === "ALL" ? {} : { state: query.state };
  const [total, counts, open, realised] = await Promise.all([
    prisma.pullRequest.count({ where }),
    prisma.pullRequest.groupBy({ by: ["state"], _count: { _all: true } }),
    prisma.pullRequest.aggregate({ where: { state: { in: ["OPENING", "OPEN"] } }, _sum: { projectedSaving: true } }),
    prisma.pullRequest.aggregate({ where: { state: "MERGED" }, _sum: { realisedSaving: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / PULL_REQUEST_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await prisma.pullRequest.findMany({
    where,
    orderBy: orderBy(query.sort, query.dir),
    skip: (page - 1) * PULL_REQUEST_PAGE_SIZE,
    take: PULL_REQUEST_PAGE_SIZE,
    select: {
      id: true,
      repo: true,
      number: true,
      url: true,
      title: true,
      state: true,
      createdBy: true,
      createdAt: true,
      mergedAt: true,
      closedAt: true,
      projectedSaving: true,
      realisedSaving: true,
      realisedAt: true,
      items: {
        orderBy: { recommendationId: "asc" },
        select: {
          realisedSaving: true,
          recommendation: { select: { id: true, type: true, resourceId: true, status: true } },
        },
      },
    },
  });
  const byState = Object.fromEntries(PULL_REQUEST_STATES.map((s) => [s, 0])) as Record<PullRequestState, number>;
  for (const count of counts) byState[count.state] = count._count._all;
  return {
    items: rows.map(({ items, ...row }) => ({
      ...row,
      projectedSaving: row.projectedSaving.toFixed(),
      realisedSaving: row.realisedSaving?.toFixed() ?? null,
      recommendations: items.map((item) => ({
        ...item.recommendation,
        realisedSaving: item.realisedSaving?.toFixed() ?? null,
      })),
    })),
    page,
    pageCount,
    total,
    totals: {
      projectedOpen: open._sum.projectedSaving?.toFixed() ?? "0",
      realisedToDate: realised._sum.realisedSaving?.toFixed() ?? "0",
      byState,
    },
  };
}
