// Every allocated row without ids or run ids, as a count and one digest: what "identical rows" means when a
// test compares two allocation runs.
import type { PrismaClient } from "@/lib/db/generated/client";

export async function allocatedRowsDigest(prisma: PrismaClient): Promise<{ rows: number; digest: string }> {
  const [row] = await prisma.$queryRaw<Array<{ rows: bigint; digest: string }>>`
    SELECT COUNT(*) AS rows,
           md5(string_agg(concat_ws('|', day, owner_type, squad, account_id, service, cluster, namespace, rule, amount),
                          ',' ORDER BY day, owner_type, squad, account_id, service, cluster, namespace, rule)) AS digest
    FROM allocated_cost_daily`;
  return { rows: Number(row!.rows), digest: row!.digest };
}
