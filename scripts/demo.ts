// npm run demo: the whole product on embedded defaults. It migrates the embedded database under .data/
// (or DATABASE_URL's, when set), builds the dashboard when needed, and serves it on 127.0.0.1:PORT.
// Everything runs in this one process because the embedded database is single-process: the dashboard's
// requests reuse the database this process opened (see lib/db/prisma.ts).
import { createServer } from "node:http";
import next from "next";
import { ConfigError, getConfig } from "../lib/config/env";
import { EmbeddedDatabaseError } from "../lib/db/embedded-database";
import { MigrationError } from "../lib/db/migrate";
import { migrateDatabase } from "../lib/db/migrate-database";
import { closeDatabase, getDatabase } from "../lib/db/prisma";
import { buildIfStale } from "./build-if-stale";

const log = (line: string) => console.log(`[demo] ${line}`);

async function main() {
  const config = getConfig();
  const hostname = process.env.HOSTNAME ?? "127.0.0.1";
  const database = await getDatabase();
  log(
    database.mode === "embedded"
      ? `Embedded database in ${config.COSTLENS_DATA_DIR}/pglite`
      : "Postgres from DATABASE_URL",
  );
  const migrated = await migrateDatabase(database);
  log(migrated.applied.length ? `Applied ${migrated.applied.length} migration(s)` : "Database schema is up to date");

  await buildIfStale(log);
  const app = next({ dev: false, dir: process.cwd(), hostname, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, hostname, resolve);
  });
  log(`CostLens is running at http://${hostname}:${config.PORT}`);

  const shutdown = (signal: string) => {
    log(`${signal}: shutting down`);
    server.close();
    server.closeAllConnections();
    void closeDatabase().finally(() => process.exit(0));
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch(async (error: unknown) => {
  const known =
    error instanceof ConfigError || error instanceof EmbeddedDatabaseError || error instanceof MigrationError;
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(`[demo] Port ${getConfig().PORT} is in use: stop what runs there or set PORT to a free port.`);
  } else {
    console.error(known ? `[demo] ${(error as Error).message}` : error);
  }
  await closeDatabase().catch(() => {});
  process.exit(1);
});
