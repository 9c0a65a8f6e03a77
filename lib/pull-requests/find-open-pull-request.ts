// The pull request currently open for a recommendation, for the recommendation page: the link replaces
// the "Open Terraform PR" button. One still OPENING has no link yet and reads as none (a click waits for it).
import type { PrismaClient } from "../db/generated/client";

export interface OpenPullRequestLink {
  url: string;
  number: number;
  state: "OPEN";
}

/** undefined: no such recommendation; null: it has no open pull request. */
export async function findOpenPullRequestOf(
  prisma: PrismaClient,
  recommendationId: string,
): Promise<OpenPullRequestLink | null | undefined> {
  const recommendation = await prisma.recommendation.findUnique({
    where: { id: recommendationId },
    select: { id: true },
  });
  if (!recommendation) return undefined;
  const item = await prisma.pullRequestRecommendation.findUnique({
    where: { openKey: recommendationId },
    select: { pullRequest: { select: { state: true, number: true, url: true } } },
  });
  const pull = item?.pullRequest;
  if (!pull || pull.state !== "OPEN" || pull.number === null || pull.url === null) return null;
  return { url: pull.url, number: pull.number, state: "OPEN" };
}
