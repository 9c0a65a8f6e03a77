// Turns a database failure into words a user can act on. Pages and the health route show these instead
// of a stack trace or, worse, an empty chart that reads as "no cost".
import { ConfigError } from "../config/env";
import { EmbeddedDatabaseError } from "./embedded-database";
import { noteDatabaseUnreachable } from "./outage";

export const DATABASE_UNREACHABLE = "The database is not reachable";

export interface DatabaseProblem {
  title: string;
  hint: string;
}

/** Every error code on the error and what it wraps: Prisma's own (P1001), the driver's (57P01) and Node's
 * (ECONNREFUSED) sit at different depths (`cause`, Prisma's `meta.driverAdapterError`). */
function codesOf(error: unknown, depth = 0): string[] {
  if (typeof error !== "object" || error === null || depth > 5) return [];
  const { code, originalCode, cause, meta } = error as Record<string, unknown>;
  const own = [code, originalCode].filter((value): value is string => typeof value === "string");
  const adapterError =
    typeof meta === "object" && meta !== null ? (meta as Record<string, unknown>).driverAdapterError : undefined;
  return [...own, ...codesOf(cause, depth + 1), ...codesOf(adapterError, depth + 1)];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The server is down, restarting, failing over or out of reach: Prisma's connection errors, Postgres's
 * admin shutdown, crash and cannot-connect-now (57P0x) and connection exceptions (08xxx), Node's socket errors. */
const UNREACHABLE_CODES = new Set([
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EHOSTUNREACH",
]);

export function describeDatabaseError(error: unknown): DatabaseProblem {
  if (error instanceof ConfigError || error instanceof EmbeddedDatabaseError) {
    return { title: "CostLens cannot open its database", hint: error.message };
  }
  const codes = codesOf(error);
  const message = messageOf(error);
  if (
    codes.includes("P2021") ||
    codes.includes("42P01") ||
    /does not exist in the current database|relation .* does not exist/i.test(message)
  ) {
    return {
      title: "The database has not been migrated",
      hint: "Run `npm run db:migrate` (the demo does this itself), then reload.",
    };
  }
  if (
    codes.some((code) => UNREACHABLE_CODES.has(code)) ||
    /can't reach database server|ECONNREFUSED|connection terminated|terminating connection due to administrator command|the database system is (starting up|shutting down)|timeout exceeded when trying to connect/i.test(
      message,
    )
  ) {
    return {
      title: DATABASE_UNREACHABLE,
      hint: "Check that Postgres is running and DATABASE_URL points at it. This page retries on reload.",
    };
  }
  return { title: "The database query failed", hint: "The server log has the details. Reload to retry." };
}

export type Loaded<T> = { ok: true; data: T } | { ok: false; problem: DatabaseProblem };

/** Runs a page's reads; a failure becomes a described problem (and a log line with the cause). */
export async function loadOrDescribe<T>(what: string, read: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await read() };
  } catch (error) {
    console.error(`[costlens] ${what} failed:`, error);
    const problem = describeDatabaseError(error);
    if (problem.title === DATABASE_UNREACHABLE) noteDatabaseUnreachable();
    return { ok: false, problem };
  }
}
