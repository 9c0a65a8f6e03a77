// The Prisma client of this process. DATABASE_URL set: real Postgres through @prisma/adapter-pg.
// Unset: the embedded PGlite database under COSTLENS_DATA_DIR. One instance per process, kept on
// globalThis because Next.js may load this module more than once (server bundle, route handlers, a demo
// process that also runs jobs): two PGlite instances on one directory would corrupt it.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { getConfig } from "../config/env";
import { openEmbeddedDatabase } from "./embedded-database";
import { PrismaClient } from "./generated/client";
import { pgliteRunner, pgRunner, type SqlRunner } from "./sql-runner";

export type Database = {
  prisma: PrismaClient;
  mode: "postgres" | "embedded";
  /** Runs plain SQL below Prisma (migrations, maintenance) on a connection of this database. */
  withSql<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

const holder = globalThis as typeof globalThis & { __costlensDatabase?: Promise<Database> };

/** How long a request waits for a new connection before it fails (and the page says the database is
 * unreachable): pg waits forever by default, so a server that drops packets would hang every request. */
const CONNECT_TIMEOUT_MS = 5_000;

// An idle pooled connection that the server closes (a restart, a failover) is dropped from the pool, which
// opens a fresh one on the next query: the app recovers without a restart. Say so in the log.
const logLostConnection = (error: Error) =>
  console.warn(`[costlens] lost a database connection (${error.message}); the next query opens a new one`);

export async function connectPostgres(connectionString: string): Promise<Database> {
  const prisma = new PrismaClient({
    adapter: new PrismaPg(
      { connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS },
      { onPoolError: logLostConnection, onConnectionError: logLostConnection },
    ),
  });
  return {
    prisma,
    mode: "postgres",
    async withSql(work) {
      const client = new pg.Client({ connectionString });
      await client.connect();
      try {
        return await work(pgRunner(client));
      } finally {
        await client.end();
      }
    },
    close: () => prisma.$disconnect(),
  };
}

function embeddedDatabase(db: PGlite, closeDb: () => Promise<void>): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  return {
    prisma,
    mode: "embedded",
    withSql: (work) => work(pgliteRunner(db)),
    async close() {
      await prisma.$disconnect();
      await closeDb();
    },
  };
}

/** The embedded database kept under dataDir. */
export async function connectEmbedded(dataDir: string): Promise<Database> {
  const embedded = await openEmbeddedDatabase(dataDir);
  return embeddedDatabase(embedded.db, embedded.close);
}

/** A throw-away embedded database in memory (tests). */
export async function connectInMemory(): Promise<Database> {
  const db = await PGlite.create();
  return embeddedDatabase(db, () => db.close());
}

/** This process's database, opened on first use from the configuration. */
export function getDatabase(): Promise<Database> {
  if (!holder.__costlensDatabase) {
    const config = getConfig();
    holder.__costlensDatabase = config.DATABASE_URL
      ? connectPostgres(config.DATABASE_URL)
      : connectEmbedded(config.COSTLENS_DATA_DIR);
    // A failed open must not be cached forever: the next request tries again.
    holder.__costlensDatabase.catch(() => {
      holder.__costlensDatabase = undefined;
    });
  }
  return holder.__costlensDatabase;
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

/** Use an already-open database as this process's database (tests, the demo process). */
export function setDatabase(database: Database) {
  holder.__costlensDatabase = Promise.resolve(database);
}

export async function closeDatabase() {
  const current = holder.__costlensDatabase;
  holder.__costlensDatabase = undefined;
  if (current) await (await current).close();
}
