import { NextResponse } from "next/server";
import { getPrisma } from "@/lib/db/prisma";
import { listRecommendations } from "@/lib/queries/recommendations";
import {
  errorResponse,
  failure,
  LIST_QUERY_HELP,
  listQuerySchema,
  listResponseSchema,
} from "@/lib/waste/recommendation-api";

export const dynamic = "force-dynamic";

/** GET /api/recommendations?type=&squad=&status=&limit=&cursor= -> { items, nextCursor }, largest saving first. */
export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = listQuerySchema.safeParse(params);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    return errorResponse(400, LIST_QUERY_HELP[field] ?? "Invalid query");
  }
  try {
    const page = await listRecommendations(await getPrisma(), parsed.data);
    return NextResponse.json(listResponseSchema.parse(page), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return failure("GET /api/recommendations", error);
  }
}
