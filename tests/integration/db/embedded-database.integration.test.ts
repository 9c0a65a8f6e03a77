import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openEmbeddedDatabase } from "@/lib/db/embedded-database";
import { connectEmbedded } from "@/lib/db/prisma";
import { migrateDatabase } from "@/lib/db/migrate-database";

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "costlens-data-"));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("the embedded database under .data/", () => {
  it("keeps its data across a restart", async () => {
    const first = await connectEmbedded(dataDir);
    await migrateDatabase(first);
    await first.prisma.squad.create({ data: { slug: "checkout", name: "Checkout" } });
    await first.close();

    const second = await connectEmbedded(dataDir);
    expect((await migrateDatabase(second)).applied).toEqual([]);
    expect(await second.prisma.squad.findMany({ select: { slug: true } })).toEqual([{ slug: "checkout" }]);
    await second.close();
  });

  it("refuses a second opener while the first holds it, naming the holder", async () => {
    const lockFile = path.join(dataDir, "pglite.lock");
    // A live process that is not us holds the lock: our parent (the test runner's own parent) will do.
    await writeFile(lockFile, String(process.ppid));
    await expect(openEmbeddedDatabase(dataDir)).rejects.toThrow(
      new RegExp(`in use by process ${process.ppid}.*DATABASE_URL`),
    );
  });

  it("takes over a lock left by a process that died", async () => {
    await writeFile(path.join(dataDir, "pglite.lock"), "999999999");
    const embedded = await openEmbeddedDatabase(dataDir);
    await embedded.close();
  });

  it("explains a corrupt data directory instead of throwing a stack trace", async () => {
    await mkdir(path.join(dataDir, "pglite"), { recursive: true });
    await writeFile(path.join(dataDir, "pglite", "PG_VERSION"), "garbage\n");
    await writeFile(path.join(dataDir, "pglite", "postgresql.conf"), "this is = not [valid\n");
    await expect(openEmbeddedDatabase(dataDir)).rejects.toThrow(/could not be opened.*move the directory aside/s);
  });
});
