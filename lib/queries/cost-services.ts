// The Cost Explorer services of the recent cost data, offered on the Settings page as the services whose
// cost can be declared shared.
import type { PrismaClient } from "../db/generated/client";

/** Services with cost rows in the 90 days up to the newest day stored (not today: a stale database still answers). */
export async function listRecentCostServices(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ service: string }>>`
    SELECT DISTINCT service
    FROM cost_daily
    WHERE day > (SELECT max(day) FROM cost_daily) - 90`;
  // Sorted here rather than in SQL, whose order depends on the database's collation.
  return rows.map((row) => row.service).sort((a, b) => a.localeCompare(b, "en"));
}
