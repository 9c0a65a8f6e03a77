import { NextResponse } from "next/server";
import { getHealth } from "@/lib/health/get-health";
import { healthSchema } from "@/lib/health/health-schema";

export const dynamic = "force-dynamic";

/** Database reachability and each job's last success; 503 while the database is unreachable. */
export async function GET() {
  const health = healthSchema.parse(await getHealth());
  return NextResponse.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
