import { NextResponse } from "next/server";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { getOverview } from "@/lib/queries/overview";

export const dynamic = "force-dynamic";

/**
 * GET /api/overview: the Overview page's figures (last 30 days, month to date, both forecasts, top movers,
 * open waste, realised savings) as JSON; `{ overview: null }` before any cost data.
 */
export async function GET() {
  try {
    const overview = await getOverview(await getPrisma());
    return NextResponse.json({ overview }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("[costlens] GET /api/overview failed:", error);
    return NextResponse.json({ error: describeDatabaseError(error) }, { status: 503 });
  }
}
