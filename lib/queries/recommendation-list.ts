import type { PrismaClient } from "../db/generated/client";
import type { RecommendationStatus, RecommendationType } from "../db/generated/enums";

export interface RecommendationSummary {
  id: string;
  type: RecommendationType;
  status: RecommendationStatus;
  resourceId: string;
  squad: string | null;
  monthlySaving: string;
  terraformAddress: string | null;
}

export async function listOpenRecommendations(prisma: PrismaClient, limit = 50): Promise<RecommendationSummary[]> {
  const rows = await prisma.recommendation.findMany({
    where: { status: { in: ["OPEN", "IN_PROGRESS"] } },
    select: {
      id: true,
      type: true,
      status: true,
      resourceId: true,
      monthlySaving: true,
      terraformAddress: true,
      squad: { select: { slug: true } },
    },
    orderBy: [{ monthlySaving: "desc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map(({ squad, monthlySaving, ...row }) => ({
    ...row,
    squad: squad?.slug ?? null,
    monthlySaving: monthlySaving.toString(),
  }));
}
