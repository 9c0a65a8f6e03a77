// A fresh, migrated database for one test file. COSTLENS_TEST_DB picks the engine: "pglite" (default, in
// memory) or "postgres" (a new database on the server named by TEST_DATABASE_URL, dropped afterwards), so
// the same suite proves both modes.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { connectInMemory, connectPostgres, type Database } from "@/lib/db/prisma";

export type TestDatabase = Database & {
  name: string;
  /** Another client of the same database, as a second worker process would have (PGlite: the same one). */
  connectAgain(): Promise<Database>;
  drop(): Promise<void>;
};

export function testDatabaseMode(): "pglite" | "postgres" {
  return process.env.COSTLENS_TEST_DB === "postgres" ? "postgres" : "pglite";
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      "COSTLENS_TEST_DB=postgres needs TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres)",
    );
  const parsed = new URL(url);
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(parsed.hostname)) {
    throw new Error(
      `Refusing to create test databases on ${parsed.hostname}: TEST_DATABASE_URL must point at a local server`,
    );
  }
  return url;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  let database: Database;
  let name = "memory";
  let dropServerDatabase = async () => {};
  let connectAgain: () => Promise<Database>;
  if (testDatabaseMode() === "postgres") {
    name = `costlens_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    database = await connectPostgres(url.toString());
    connectAgain = () => connectPostgres(url.toString());
    dropServerDatabase = () =>
      withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {});
  } else {
    const shared = await connectInMemory();
    database = shared;
    connectAgain = async () => ({ ...shared, close: async () => {} });
  }
  if (migrate) await migrateDatabase(database);
  return {
    ...database,
    name,
    connectAgain,
    async drop() {
      await database.close();
      await dropServerDatabase();
    },
  };
}
