// Applies prisma/migrations/*/migration.sql in order and records each in `_prisma_migrations` exactly as
// Prisma Migrate does (same table, same sha256 checksum of the file), so `prisma migrate deploy` and
// `prisma migrate status` agree with us wherever Prisma's native engine is available. Each migration runs
// in its own transaction: a failure leaves the database at the previous migration, never half-way.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlRunner } from "./sql-runner";

const MIGRATIONS_LOCK_ID = 7_245_110_301;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export const defaultMigrationsDir = path.resolve(process.cwd(), "prisma", "migrations");

export async function readMigrations(dir = defaultMigrationsDir): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

interface AppliedRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function applyMigrations(runner: SqlRunner, dir = defaultMigrationsDir): Promise<MigrationResult> {
  const migrations = await readMigrations(dir);
  return runner.withLock(MIGRATIONS_LOCK_ID, async () => {
    await runner.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await runner.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row]));
    assertHistoryIsSound(migrations, applied);
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      if (applied.has(migration.name)) {
        result.alreadyApplied.push(migration.name);
        continue;
      }
      await applyOne(runner, migration);
      result.applied.push(migration.name);
    }
    return result;
  });
}

function assertHistoryIsSound(migrations: Migration[], applied: Map<string, AppliedRow>) {
  const known = new Map(migrations.map((migration) => [migration.name, migration]));
  for (const row of applied.values()) {
    if (row.finished_at === null) {
      throw new MigrationError(
        `Migration ${row.migration_name} started but never finished. Inspect the database, then mark it rolled back ` +
          `(UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${row.migration_name}') and rerun.`,
      );
    }
    const local = known.get(row.migration_name);
    if (!local) {
      throw new MigrationError(
        `The database has migration ${row.migration_name}, which is not in prisma/migrations: it was migrated by a newer CostLens.`,
      );
    }
    if (local.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was edited after it was applied (checksum differs). Never edit an applied migration: add a new one.`,
      );
    }
  }
}

async function applyOne(runner: SqlRunner, migration: Migration) {
  const id = randomUUID();
  await runner.exec("BEGIN");
  try {
    await runner.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await runner.exec(migration.sql);
    await runner.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [
      id,
    ]);
    await runner.exec("COMMIT");
  } catch (error) {
    await runner.exec("ROLLBACK");
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`);
  }
}
