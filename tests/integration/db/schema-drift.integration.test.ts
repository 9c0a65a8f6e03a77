// schema.prisma and prisma/migrations must describe the same database. The check needs no live-database
// introspection (which the schema engine cannot do through our adapters): one fresh database gets the
// migrations, another gets the engine's script for the whole schema from empty, and their catalogs must
// match.
import { PGlite } from "@electric-sql/pglite";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { diffSchemas } from "@/lib/db/schema-diff";
import { pgliteRunner } from "@/lib/db/sql-runner";

const CATALOG_QUERIES = {
  columns: `SELECT table_name, column_name, data_type, is_nullable, column_default, numeric_precision, numeric_scale, udt_name
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
            ORDER BY table_name, column_name`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`,
  constraints: `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations'
                ORDER BY 1, 2`,
  // The order of an enum's values, not the float Postgres stores it as (ADD VALUE ... BEFORE makes halves).
  enums: `SELECT t.typname, e.enumlabel, rank() OVER (PARTITION BY t.typname ORDER BY e.enumsortorder) AS position
          FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY 1, 3`,
};

async function catalog(db: PGlite) {
  const entries = await Promise.all(
    Object.entries(CATALOG_QUERIES).map(async ([name, sql]) => [name, (await db.query(sql)).rows] as const),
  );
  return Object.fromEntries(entries);
}

describe("schema.prisma and prisma/migrations", () => {
  it("describe the same database", async () => {
    const schema = await readFile(path.resolve("prisma", "schema.prisma"), "utf8");
    const fromMigrations = new PGlite();
    const fromSchema = new PGlite();
    try {
      await applyMigrations(pgliteRunner(fromMigrations));
      await fromSchema.exec(
        await diffSchemas({ kind: "empty" }, { kind: "schema", path: "schema.prisma", content: schema }),
      );
      const expected = await catalog(fromSchema);
      expect(expected.columns?.length).toBeGreaterThan(50);
      expect(await catalog(fromMigrations), "run `npm run db:diff -- <name>` to write the missing migration").toEqual(
        expected,
      );
    } finally {
      await fromMigrations.close();
      await fromSchema.close();
    }
  });

  it("keeps the newest migration's schema snapshot equal to schema.prisma, so the next diff starts from the truth", async () => {
    const schema = await readFile(path.resolve("prisma", "schema.prisma"), "utf8");
    const newest = (await readMigrations()).at(-1)!;
    const snapshot = await readFile(
      path.resolve("prisma", "migrations", newest.name, "schema.prisma.snapshot"),
      "utf8",
    );
    const script = await diffSchemas(
      { kind: "schema", path: "schema.prisma", content: snapshot },
      { kind: "schema", path: "schema.prisma", content: schema },
    );
    expect(script, "schema.prisma changed since the last migration: run `npm run db:diff -- <name>`").toBe("");
  });
});
