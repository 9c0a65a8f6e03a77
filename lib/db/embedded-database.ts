// Embedded Postgres (PGlite) for the zero-setup demo. Its files live under COSTLENS_DATA_DIR so data
// survives restarts. PGlite is single-process: a lock file stops a second CostLens process from opening
// the same directory (which would corrupt it), and both a held lock and an unreadable directory end in a
// message that says what to do, not a stack trace.
import { PGlite } from "@electric-sql/pglite";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export class EmbeddedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedDatabaseError";
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function takeLock(lockFile: string) {
  try {
    writeFileSync(lockFile, String(process.pid), { flag: "wx" });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const holder = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
  if (holder === process.pid) {
    throw new EmbeddedDatabaseError(
      `The embedded database in ${path.dirname(lockFile)} is already open in this process: share that instance (lib/db/prisma.ts) instead of opening it twice.`,
    );
  }
  if (Number.isInteger(holder) && processIsAlive(holder)) {
    throw new EmbeddedDatabaseError(
      `The embedded database in ${path.dirname(lockFile)} is in use by process ${holder} ` +
        `(is another "npm run demo" or "npm start" running?). Stop that process, or set DATABASE_URL to use a Postgres server.`,
    );
  }
  // The previous holder died without cleaning up: the lock is stale.
  writeFileSync(lockFile, String(process.pid));
}

function releaseLock(lockFile: string) {
  try {
    if (readFileSync(lockFile, "utf8") === String(process.pid)) rmSync(lockFile);
  } catch {
    // Already gone: nothing to release.
  }
}

export async function openEmbeddedDatabase(dataDir: string): Promise<{ db: PGlite; close(): Promise<void> }> {
  const dir = path.resolve(dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  const lockFile = path.resolve(dataDir, "pglite.lock");
  takeLock(lockFile);
  let db: PGlite;
  try {
    db = await PGlite.create(dir);
    await db.query("SELECT 1");
  } catch (error) {
    releaseLock(lockFile);
    const reason = error instanceof Error ? error.message : String(error);
    throw new EmbeddedDatabaseError(
      `The embedded database in ${dir} could not be opened (${reason}). It may be corrupt or from an incompatible ` +
        `PGlite version: move the directory aside (mv ${dir} ${dir}.broken) and run "npm run demo" again to start fresh.`,
    );
  }
  const onExit = () => releaseLock(lockFile);
  process.once("exit", onExit);
  return {
    db,
    async close() {
      process.off("exit", onExit);
      await db.close();
      releaseLock(lockFile);
    },
  };
}
