import { NextResponse } from "next/server";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { squadsSpendSchema } from "@/lib/queries/spend/spend-schemas";
import { squadsSpendApi } from "@/lib/queries/spend/spend-api";

export const dynamic = "force-dynamic";

/** GET /api/spend/squads?from=YYYY-MM-DD&to=YYYY-MM-DD (to exclusive): every squad's spend vs the window before. */
export async function GET(request: Request) {
  try {
    const result = await squadsSpendApi(await getPrisma(), new URL(request.url).searchParams);
    if (!result.ok) return NextResponse.json({ error: result.error }, { status: result.status });
    return NextResponse.json(squadsSpendSchema.parse(result.data), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("[costlens] GET /api/spend/squads failed:", error);
    return NextResponse.json({ error: describeDatabaseError(error) }, { status: 503 });
  }
}
