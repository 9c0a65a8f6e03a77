import { NextResponse } from "next/server";
import { getConfig } from "@/lib/config/env";
import { reviewFileName } from "@/lib/review/review-exports";
import { parseReviewMonth } from "@/lib/review/review-month";
import { PdfExportError, renderReviewPdf } from "@/lib/review/render-review-pdf";
import { reviewOrigin } from "@/lib/review/review-origin";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ month: string }> };

/** GET /api/review/:month/pdf: the review's print view as a PDF, one slide a page. */
export async function GET(request: Request, { params }: Context) {
  const month = parseReviewMonth((await params).month);
  if (!month.ok) return NextResponse.json({ error: month.error }, { status: 400 });
  const origin = reviewOrigin(request, getConfig().APP_URL);
  try {
    const pdf = await renderReviewPdf({
      url: new URL(`/review/${month.month}`, origin).toString(),
      cookie: request.headers.get("cookie"),
    });
    return new Response(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${reviewFileName(month.month, ".pdf")}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof PdfExportError) {
      console.error(`[costlens] PDF export of ${month.month}: ${error.message}`);
      return NextResponse.json({ error: error.message }, { status: error.status });
    }
    console.error(`[costlens] PDF export of ${month.month} failed:`, error);
    return NextResponse.json({ error: "The PDF could not be made; the server log has the details." }, { status: 500 });
  }
}
