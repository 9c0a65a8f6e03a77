// A Cost Explorer ingest killed with SIGKILL half-way (the process gets no chance to clean up), then run
// again: no partial month is ever visible (each month is replaced in one transaction), the dead run is
// recorded as failed once its lease expires, and the rerun leaves exactly the data of an uninterrupted run.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, connectPostgres, type Database } from "@/lib/db/prisma";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { failOrphanedRuns } from "@/lib/jobs/scheduler";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createDatabaseOn, type PrivatePostgres, startPrivatePostgres } from "./private-postgres";
import { killLeftoverJobProcesses, startJobProcess, waitFor } from "./run-job-process";

let server: PrivatePostgres | undefined;
let sandbox: TestSandbox;
const urls: Record<"reference" | "killed", string> = { reference: "", killed: "" };
const databases: Database[] = [];

/** The three whole months before last month: closed months, the same in every run. */
function threeClosedMonths(): { from: string; to: string } {
  const month = (back: number) => {
    const date = new Date();
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() - back);
    return date.toISOString().slice(0, 10);
  };
  return { from: month(4), to: month(1) };
}
const window = threeClosedMonths();
const runArgs = ["run", "cost-explorer", "--from", window.from, "--to", window.to];

beforeAll(async () => {
  server = await startPrivatePostgres();
  if (!server) return;
  sandbox = await startTestSandbox();
  for (const name of ["reference", "killed"] as const) {
    urls[name] = await createDatabaseOn(server, `costlens_${name}`);
    const database = await connectPostgres(urls[name]);
    await migrateDatabase(database);
    databases.push(database);
  }
});

afterAll(async () => {
  killLeftoverJobProcesses();
  try {
    for (const database of databases) await database.close();
    await closeDatabase().catch(() => {});
    await sandbox?.close();
  } finally {
    await server?.destroy();
  }
});

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Per month, a hash of every stored cost row's content (ids, run ids and ingest times left out). */
async function costMonths(url: string): Promise<Record<string, string>> {
  const rows = await query<{ month: string; rows: number; hash: string }>(
    url,
    `SELECT to_char(day, 'YYYY-MM') AS month, count(*)::int AS rows,
       md5(string_agg(concat_ws('|', day, account_id, service, region, team_tag, environment_tag, cost_centre_tag,
         usage_group, unblended_cost, amortized_cost, usage_quantity, estimated), ',' ORDER BY day, account_id, service,
         region, team_tag, environment_tag, cost_centre_tag, usage_group)) AS hash
     FROM cost_daily GROUP BY 1 ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((row) => [row.month, `${row.rows}:${row.hash}`]));
}

async function accounts(url: string) {
  return query<{ id: string; name: string }>(url, "SELECT id, name FROM cloud_accounts ORDER BY id");
}

describe("a job killed with SIGKILL mid-ingest", () => {
  it("shows no partial month, and a rerun leaves the data of an uninterrupted run", async (context) => {
    if (!server) return context.skip("no Postgres binaries (initdb, pg_ctl) on this machine");
    const reference = startJobProcess(runArgs, urls.reference);
    const referenceExit = await reference.exited;
    expect(referenceExit.code, reference.output()).toBe(0);
    const expected = await costMonths(urls.reference);
    expect(Object.keys(expected)).toHaveLength(3);

    // Slow Cost Explorer down so the kill lands between months, then kill once one month is stored.
    await sandbox.injectFault({
      api: "costexplorer",
      operation: "GetCostAndUsage",
      kind: "slow",
      count: 10_000,
      delayMs: 150,
    });
    const killed = startJobProcess(runArgs, urls.killed);
    await waitFor("the first month to be stored", async () => Object.keys(await costMonths(urls.killed)).length > 0);
    killed.child.kill("SIGKILL");
    expect((await killed.exited).signal).toBe("SIGKILL");
    await sandbox.clearFaults();

    // Only whole months are visible, each exactly as the uninterrupted run stored it.
    const partial = await costMonths(urls.killed);
    expect(Object.keys(partial).length).toBeGreaterThan(0);
    expect(Object.keys(partial).length).toBeLessThan(3);
    for (const [month, hash] of Object.entries(partial)) expect(hash, month).toBe(expected[month]);

    // The dead process still holds the lease until it expires: a rerun now is refused, not run twice.
    const refused = startJobProcess(runArgs, urls.killed);
    expect((await refused.exited).code).toBe(1);
    expect(refused.output()).toContain("already running");

    // Its lease expires (simulated: the TTL is a minute); the worker's tick then records the run as failed.
    const killedDatabase = databases[1]!;
    await killedDatabase.prisma.jobLock.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await failOrphanedRuns(killedDatabase.prisma)).toBe(1);
    const failed = await killedDatabase.prisma.jobRun.findFirstOrThrow({
      where: { job: "cost-explorer", status: "FAILED" },
      select: { error: true, finishedAt: true },
    });
    expect(failed.error).toMatch(/stopped before it finished/);

    const rerun = startJobProcess(runArgs, urls.killed);
    expect((await rerun.exited).code, rerun.output()).toBe(0);
    expect(await costMonths(urls.killed)).toEqual(expected);
    expect(await accounts(urls.killed)).toEqual(await accounts(urls.reference));
    expect(await killedDatabase.prisma.jobLock.count()).toBe(0);
  });
});
