// Writes a new migration: the SQL that takes the schema of the last migration to prisma/schema.prisma.
// Usage: npm run db:diff -- <name>   (e.g. npm run db:diff -- add_price_currency)
// The schema each migration was written from is kept beside it (schema.prisma.snapshot) so the next diff
// needs no database: see lib/db/schema-diff.ts for why the engine runs in WebAssembly.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { diffSchemas, type DiffSource } from "../lib/db/schema-diff";

const migrationsDir = path.resolve("prisma", "migrations");
const schemaPath = path.resolve("prisma", "schema.prisma");
const SNAPSHOT = "schema.prisma.snapshot";

async function previousSchema(): Promise<DiffSource> {
  const names = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const last = names.at(-1);
  if (!last) return { kind: "empty" };
  const content = await readFile(path.join(migrationsDir, last, SNAPSHOT), "utf8");
  return { kind: "schema", path: "schema.prisma", content };
}

function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: npm run db:diff -- <snake_case_name>");
    process.exit(2);
  }
  const schema = await readFile(schemaPath, "utf8");
  const sql = await diffSchemas(await previousSchema(), { kind: "schema", path: "schema.prisma", content: schema });
  if (!sql.trim()) {
    console.log("prisma/schema.prisma matches the last migration: nothing to write.");
    return;
  }
  const dir = path.join(migrationsDir, `${timestamp()}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  await writeFile(path.join(dir, SNAPSHOT), schema);
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

await main();
