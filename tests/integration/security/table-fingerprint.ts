// A fingerprint of every table in the database: row count and an md5 over the rows' text, so a test can
// prove that a request changed nothing.
import type { Database } from "@/lib/db/prisma";

export type Fingerprint = Record<string, { rows: number; hash: string }>;

/** Tables that legitimately change on any request: rate-limit counters. */
const VOLATILE_TABLES = new Set(["rate_limit_windows"]);

export async function fingerprintTables(database: Database): Promise<Fingerprint> {
  const tables = await database.prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const fingerprint: Fingerprint = {};
  for (const { name } of tables) {
    if (VOLATILE_TABLES.has(name)) continue;
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const [row] = await database.prisma.$queryRawUnsafe<{ rows: number; hash: string }[]>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM ${quoted} t`,
    );
    fingerprint[name] = row!;
  }
  return fingerprint;
}
