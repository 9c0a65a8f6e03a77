// Turns a database failure into words a user can act on. Pages and the health route show these instead
// of a stack trace or, worse, an empty chart that reads as "no cost".
import { ConfigError } from "../config/env";
import { EmbeddedDatabaseError } from "./embedded-database";

export interface DatabaseProblem {
  title: string;
  hint: string;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === "string") return code;
  return cause ? codeOf(cause) : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function describeDatabaseError(error: unknown): DatabaseProblem {
  if (error instanceof ConfigError || error instanceof EmbeddedDatabaseError) {
    return { title: "CostLens cannot open its database", hint: error.message };
  }
  const code = codeOf(error);
  const message = messageOf(error);
  if (
    code === "P2021" ||
    code === "42P01" ||
    /does not exist in the current database|relation .* does not exist/i.test(message)
  ) {
    return {
      title: "The database has not been migrated",
      hint: "Run `npm run db:migrate` (the demo does this itself), then reload.",
    };
  }
  const unreachableCodes = ["P1001", "P1002", "P1017", "ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "57P01"];
  if (
    (code && unreachableCodes.includes(code)) ||
    /can't reach database server|ECONNREFUSED|connection terminated/i.test(message)
  ) {
    return {
      title: "The database is not reachable",
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
    return { ok: false, problem: describeDatabaseError(error) };
  }
}
