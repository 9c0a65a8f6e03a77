import { NextResponse } from "next/server";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { reviewTableCsv } from "@/lib/review/review-exports";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ month: string }> };

/** GET /api/review/:month/csv?table=squads: one table of the month's review as CSV (exact amounts). */
export async function GET(request: Request, { params }: Context) {
  const { month } = await params;
  try {
    const table = new URL(request.url).searchParams.get("table");
    const result = await reviewTableCsv(await getPrisma(), month, table);
    if (!result.ok) return NextResponse.json({ error: result.error }, { status: result.status });
    return new Response(result.data.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${result.data.fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    console.error("[costlens] GET /api/review/:month/csv failed:", error);
    return NextResponse.json({ error: describeDatabaseError(error) }, { status: 503 });
  }
}
