import type { PrismaClient } from "../db/generated/client";
import type { PullRequestState } from "../db/generated/enums";

export interface PullRequestSummary {
  id: string;
  repo: string;
  number: number | null;
  url: string | null;
  title: string;
  state: PullRequestState;
  createdBy: string;
  createdAt: Date;
  projectedSaving: string;
  realisedSaving: string | null;
}

export async function listPullRequests(prisma: PrismaClient, limit = 50): Promise<PullRequestSummary[]> {
  const rows = await prisma.pullRequest.findMany({
    select: {
      id: true,
      repo: true,
      number: true,
      url: true,
      title: true,
      state: true,
      createdBy: true,
      createdAt: true,
      projectedSaving: true,
      realisedSaving: true,
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map((row) => ({
    ...row,
    projectedSaving: row.projectedSaving.toString(),
    realisedSaving: row.realisedSaving?.toString() ?? null,
  }));
}
