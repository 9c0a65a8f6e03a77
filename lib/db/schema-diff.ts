// Offline migration SQL from Prisma's WebAssembly schema engine. The native engine that `prisma migrate`
// downloads cannot be fetched on our machines; the wasm engine diffs two datamodels without touching a
// database (an in-memory PGlite adapter satisfies its constructor), which is all that writing a migration
// and checking for drift need.
import { PGlite } from "@electric-sql/pglite";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

export type DiffSource = { kind: "empty" } | { kind: "schema"; path: string; content: string };

interface SchemaEngineModule {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: {
    new: (
      options: { datamodels: [string, string][] | undefined },
      log: (message: string) => void,
      adapter: object,
    ) => Promise<{ diff(params: object): Promise<{ stdout: string | null }>; free(): void }>;
  };
}

let loaded: Promise<SchemaEngineModule> | undefined;

// The package's entry point imports its .wasm file as an ES module, which Node 20 allows only behind
// --experimental-wasm-modules. Instantiating the bytes ourselves and handing them to the JS bindings does
// the same without the flag, so every test runner and script can use it.
async function loadSchemaEngine(): Promise<SchemaEngineModule> {
  const bindings = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as SchemaEngineModule;
  const packageDir = path.dirname(
    createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg"),
  );
  const bytes = await readFile(path.join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

function target(source: DiffSource) {
  if (source.kind === "empty") return { tag: "empty" };
  return { tag: "schemaDatamodel", files: [{ path: source.path, content: source.content }] };
}

/** The SQL script that takes a database from `from` to `to`; "" when they are the same. */
export async function diffSchemas(from: DiffSource, to: DiffSource): Promise<string> {
  loaded ??= loadSchemaEngine();
  const wasm = await loaded;
  const pglite = new PGlite();
  // The engine expects the error-capturing wrapper Prisma's own CLI puts around an adapter factory.
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite));
  const engine = await wasm.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
  try {
    const result = await engine.diff({
      from: target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const script = result.stdout ?? "";
    return script.includes("This is an empty migration.") ? "" : script;
  } finally {
    engine.free();
    await pglite.close();
  }
}
