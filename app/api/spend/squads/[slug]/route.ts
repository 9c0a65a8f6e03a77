import { NextResponse } from "next/server";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { squadSpendSchema } from "@/lib/queries/spend/spend-schemas";
import { squadSpendApi } from "@/lib/queries/spend/spend-api";

export const dynamic = "force-dynamic";

/** GET /api/spend/squads/:slug?from=&to=&groupBy=namespace|service: one squad's daily spend by group. */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await context.params;
    const result = await squadSpendApi(await getPrisma(), slug, new URL(request.url).searchParams);
    if (!result.ok) return NextResponse.json({ error: result.error }, { status: result.status });
    return NextResponse.json(squadSpendSchema.parse(result.data), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("[costlens] GET /api/spend/squads/:slug failed:", error);
    return NextResponse.json({ error: describeDatabaseError(error) }, { status: 503 });
  }
}
