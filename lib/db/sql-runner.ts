// The smallest interface over both databases CostLens runs on (real Postgres through `pg`, embedded PGlite),
// for the work that sits below Prisma: applying migrations and plain-SQL maintenance.
import type { PGlite } from "@electric-sql/pglite";
import type { Client } from "pg";

export interface SqlRunner {
  /** Runs one or more statements without parameters (a migration script). */
  exec(sql: string): Promise<void>;
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Postgres advisory locks serialise migrations across replicas; PGlite has one connection anyway. */
  withLock<T>(lockId: number, work: () => Promise<T>): Promise<T>;
}

export function pgRunner(client: Client): SqlRunner {
  return {
    async exec(sql) {
      await client.query(sql);
    },
    async query(sql, params) {
      const result = await client.query(sql, params);
      return result.rows;
    },
    async withLock(lockId, work) {
      await client.query("SELECT pg_advisory_lock($1)", [lockId]);
      try {
        return await work();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [lockId]);
      }
    },
  };
}

export function pgliteRunner(db: PGlite): SqlRunner {
  return {
    async exec(sql) {
      await db.exec(sql);
    },
    async query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]) {
      const result = await db.query<Row>(sql, params);
      return result.rows;
    },
    async withLock(_lockId, work) {
      return work();
    },
  };
}
