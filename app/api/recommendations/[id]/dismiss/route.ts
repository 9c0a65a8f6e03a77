import { NextResponse } from "next/server";
import { recommendationScope } from "@/lib/auth/recommendation-scope";
import { requireActor } from "@/lib/auth/require-actor";
import { getPrisma } from "@/lib/db/prisma";
import { getRecommendation } from "@/lib/queries/recommendations";
import { dismissRecommendation } from "@/lib/waste/dismiss-recommendation";
import {
  detailResponseSchema,
  dismissBodySchema,
  errorResponse,
  failure,
  idSchema,
} from "@/lib/waste/recommendation-api";

export const dynamic = "force-dynamic";

/**
 * POST /api/recommendations/:id/dismiss { reason } -> 200 with the updated recommendation; 409 when resolved.
 * The recommendation's squad lead or an admin.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const id = idSchema.safeParse((await context.params).id);
  if (!id.success) return errorResponse(404, "No such recommendation");
  const guard = await requireActor(request, "recommendation.dismiss", recommendationScope(id.data));
  if (!guard.ok) return guard.response;
  const body = dismissBodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return errorResponse(400, "Send JSON { reason } with a reason of 3 to 500 characters");
  try {
    const prisma = await getPrisma();
    await dismissRecommendation(prisma, { id: id.data, reason: body.data.reason, actor: guard.actor.id });
    const detail = await getRecommendation(prisma, id.data);
    if (!detail) return errorResponse(404, "No such recommendation");
    return NextResponse.json(detailResponseSchema.parse(detail), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return failure("POST /api/recommendations/:id/dismiss", error);
  }
}
