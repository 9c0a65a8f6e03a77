// The savings ledger's step after every sync and every ingest: merged fixes whose change shows in the
// inventory resolve, and resolved ones whose drop shows in settled cost data are realised.
import type { PrismaClient } from "../db/generated/client";
import { realiseSavings, type RealiseSummary } from "./realise-savings";
import { resolveMergedRecommendations } from "./resolve-merged-recommendations";

export interface TrackSummary extends RealiseSummary {
  resolved: string[];
}

export async function trackSavings(prisma: PrismaClient, now = new Date()): Promise<TrackSummary> {
  const resolved = await resolveMergedRecommendations(prisma, now);
  return { resolved, ...(await realiseSavings(prisma, now)) };
}
