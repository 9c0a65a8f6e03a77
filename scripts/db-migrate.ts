// npm run db:migrate: applies prisma/migrations to the configured database (DATABASE_URL, or the
// embedded one under COSTLENS_DATA_DIR).
import { ConfigError } from "../lib/config/env";
import { EmbeddedDatabaseError } from "../lib/db/embedded-database";
import { MigrationError } from "../lib/db/migrate";
import { migrateDatabase } from "../lib/db/migrate-database";
import { closeDatabase, getDatabase } from "../lib/db/prisma";

try {
  const database = await getDatabase();
  const result = await migrateDatabase(database);
  const where = database.mode === "postgres" ? "Postgres (DATABASE_URL)" : "the embedded database";
  console.log(
    result.applied.length
      ? `Applied ${result.applied.length} migration(s) to ${where}: ${result.applied.join(", ")}`
      : `${where} is up to date (${result.alreadyApplied.length} migration(s) applied).`,
  );
  await closeDatabase();
} catch (error) {
  if (error instanceof ConfigError || error instanceof EmbeddedDatabaseError || error instanceof MigrationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
