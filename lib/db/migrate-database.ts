import { applyMigrations, defaultMigrationsDir, type MigrationResult } from "./migrate";
import type { Database } from "./prisma";

/** Brings a database up to the newest migration in prisma/migrations. */
export function migrateDatabase(database: Database, dir = defaultMigrationsDir): Promise<MigrationResult> {
  return database.withSql((runner) => applyMigrations(runner, dir));
}
