import { NextResponse } from "next/server";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { reconciliationSchema } from "@/lib/queries/spend/spend-schemas";
import { reconciliationApi } from "@/lib/queries/spend/spend-api";

export const dynamic = "force-dynamic";

/** GET /api/spend/reconciliation?from=&to=: per day, the bill against squads, shared, idle, unallocated. */
export async function GET(request: Request) {
  try {
    const result = await reconciliationApi(await getPrisma(), new URL(request.url).searchParams);
    if (!result.ok) return NextResponse.json({ error: result.error }, { status: result.status });
    return NextResponse.json(reconciliationSchema.parse(result.data), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("[costlens] GET /api/spend/reconciliation failed:", error);
    return NextResponse.json({ error: describeDatabaseError(error) }, { status: 503 });
  }
}
