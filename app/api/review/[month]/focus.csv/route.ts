import { NextResponse } from "next/server";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { reviewFileName } from "@/lib/review/review-exports";
import { monthBounds, parseReviewMonth } from "@/lib/review/review-month";
import { focusCsvStream } from "@/lib/review/stream-focus-csv";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ month: string }> };

/** GET /api/review/:month/focus.csv: the month's allocated cost in FOCUS format, streamed. */
export async function GET(_request: Request, { params }: Context) {
  const month = parseReviewMonth((await params).month);
  if (!month.ok) return NextResponse.json({ error: month.error }, { status: 400 });
  try {
    const body = focusCsvStream(await getPrisma(), monthBounds(month.month));
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${reviewFileName(month.month, "-focus.csv")}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    console.error("[costlens] GET /api/review/:month/focus.csv failed:", error);
    return NextResponse.json({ error: describeDatabaseError(error) }, { status: 503 });
  }
}
