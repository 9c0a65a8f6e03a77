import { createHash } from "node:crypto";
import { mkdtemp, mkdir, rm, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultMigrationsDir, readMigrations } from "@/lib/db/migrate";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function migrationsCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "costlens-migrations-"));
  await cp(defaultMigrationsDir, dir, { recursive: true });
  return dir;
}

describe("npm run db:migrate", () => {
  it("applies every migration once and records it the way Prisma Migrate does", async () => {
    database = await createTestDatabase({ migrate: false });
    const first = await migrateDatabase(database);
    const migrations = await readMigrations();
    expect(first.applied).toEqual(migrations.map((migration) => migration.name));

    const second = await migrateDatabase(database);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);

    const rows = await database.withSql((sql) =>
      sql.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
        `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    expect(rows).toHaveLength(migrations.length);
    for (const [index, row] of rows.entries()) {
      const migration = migrations[index]!;
      expect(row.migration_name).toBe(migration.name);
      expect(row.checksum).toBe(createHash("sha256").update(migration.sql).digest("hex"));
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("rolls a failing migration back whole and says which one failed", async () => {
    database = await createTestDatabase({ migrate: false });
    const dir = await migrationsCopy();
    try {
      await mkdir(path.join(dir, "29990101000000_broken"));
      await writeFile(
        path.join(dir, "29990101000000_broken", "migration.sql"),
        `CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;`,
      );
      await expect(migrateDatabase(database, dir)).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
      const leftovers = await database.withSql((sql) =>
        sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`),
      );
      expect(leftovers).toHaveLength(0);
      const recorded = await database.withSql((sql) =>
        sql.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`),
      );
      expect(recorded).toHaveLength(0);
      // The migrations before it stay applied, and fixing the file lets the next run finish.
      await writeFile(path.join(dir, "29990101000000_broken", "migration.sql"), `CREATE TABLE half_done (id int);`);
      expect((await migrateDatabase(database, dir)).applied).toEqual(["29990101000000_broken"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a database whose applied migration was edited afterwards", async () => {
    database = await createTestDatabase();
    const dir = await migrationsCopy();
    try {
      const [first] = await readMigrations(dir);
      await writeFile(path.join(dir, first!.name, "migration.sql"), `${first!.sql}\n-- edited`);
      await expect(migrateDatabase(database, dir)).rejects.toThrow(/was edited after it was applied/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
