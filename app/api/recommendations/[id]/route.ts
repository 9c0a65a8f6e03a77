import { NextResponse } from "next/server";
import { getPrisma } from "@/lib/db/prisma";
import { getRecommendation } from "@/lib/queries/recommendations";
import { detailResponseSchema, errorResponse, failure, idSchema } from "@/lib/waste/recommendation-api";

export const dynamic = "force-dynamic";

/** GET /api/recommendations/:id -> the recommendation with its evidence, resource tags and owner squad. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const id = idSchema.safeParse((await context.params).id);
  if (!id.success) return errorResponse(404, "No such recommendation");
  try {
    const detail = await getRecommendation(await getPrisma(), id.data);
    if (!detail) return errorResponse(404, "No such recommendation");
    return NextResponse.json(detailResponseSchema.parse(detail), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return failure("GET /api/recommendations/:id", error);
  }
}
