// Read model of the detection gaps: per recommendation type, how many resources the last detection run
// could not judge (metrics or a price missing) and, for the first few of each type, which and why. Gaps are
// never findings: they carry no saving.
import type { PrismaClient } from "../db/generated/client";
import type { RecommendationType } from "../db/generated/enums";

export interface DetectionGapItem {
  resourceId: string;
  accountId: string;
  region: string;
  reason: string;
}

export interface DetectionGapsByType {
  type: RecommendationType;
  count: number;
  /** the first `perType` gaps by resource id */
  items: DetectionGapItem[];
  detectedAt: string;
}

export interface DetectionGapsSummary {
  total: number;
  byType: DetectionGapsByType[];
}

export async function getDetectionGaps(
  prisma: PrismaClient,
  options: { perType?: number } = {},
): Promise<DetectionGapsSummary> {
  const perType = options.perType ?? 50;
  const counts = await prisma.detectionGap.groupBy({
    by: ["type"],
    _count: { _all: true },
    _max: { detectedAt: true },
    orderBy: { type: "asc" },
  });
  const byType = await Promise.all(
    counts.map(async (row) => ({
      type: row.type,
      count: row._count._all,
      detectedAt: (row._max.detectedAt ?? new Date(0)).toISOString(),
      items: await prisma.detectionGap.findMany({
        where: { type: row.type },
        select: { resourceId: true, accountId: true, region: true, reason: true },
        orderBy: [{ resourceId: "asc" }, { accountId: "asc" }, { region: "asc" }],
        take: perType,
      }),
    })),
  );
  return { total: byType.reduce((sum, row) => sum + row.count, 0), byType };
}
