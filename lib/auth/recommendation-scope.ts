// The squad recommendations belong to: what a squad lead's capabilities are checked against. Several
// recommendations (one pull request for many) share a squad only if every one of them is that squad's;
// otherwise the scope has no squad and only engineers and admins pass.
import { getPrisma } from "../db/prisma";
import type { CapabilityScope } from "./roles";

export function recommendationScope(...ids: string[]): () => Promise<CapabilityScope> {
  return async () => {
    const rows = await (
      await getPrisma()
    ).recommendation.findMany({
      where: { id: { in: ids } },
      select: { squad: { select: { slug: true } } },
    });
    const squads = new Set(rows.map((row) => row.squad?.slug ?? null));
    const [only] = squads;
    return { squad: rows.length === new Set(ids).size && squads.size === 1 ? (only ?? null) : null };
  };
}
