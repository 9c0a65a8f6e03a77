// Graceful shutdown: a worker sent SIGTERM in the middle of a job stops that job at its next step, records
// the run as failed with an error that says it was interrupted, releases the job's lease (so another
// worker can take the job at once, without waiting for the lease to expire) and exits 0.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPostgres, type Database } from "@/lib/db/prisma";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createDatabaseOn, type PrivatePostgres, startPrivatePostgres } from "./private-postgres";
import { killLeftoverJobProcesses, startJobProcess, waitFor } from "./run-job-process";

let server: PrivatePostgres | undefined;
let sandbox: TestSandbox;
let url: string;
let database: Database;

beforeAll(async () => {
  server = await startPrivatePostgres();
  if (!server) return;
  sandbox = await startTestSandbox();
  url = await createDatabaseOn(server, "costlens_worker_shutdown");
  database = await connectPostgres(url);
  await migrateDatabase(database);
});

afterAll(async () => {
  killLeftoverJobProcesses();
  try {
    await database?.close();
    await sandbox?.close();
  } finally {
    await server?.destroy();
  }
});

describe("a worker stopped with SIGTERM mid-job", () => {
  it("records the run as interrupted, releases the lease and exits 0", async (context) => {
    if (!server) return context.skip("no Postgres binaries (initdb, pg_ctl) on this machine");
    // Every AWS answer is slow, so the first job (inventory) is still running when the signal comes.
    for (const api of ["ec2", "rds", "costexplorer"]) {
      await sandbox.injectFault({ api, operation: "*", kind: "slow", count: 10_000, delayMs: 400 });
    }
    const worker = startJobProcess([], url, "jobs/worker.ts");
    await waitFor("a job to be running under its lease", async () => (await database.prisma.jobLock.count()) > 0);
    const lock = await database.prisma.jobLock.findFirstOrThrow({ select: { job: true, runId: true } });

    worker.child.kill("SIGTERM");
    const exit = await worker.exited;
    expect(exit.code, worker.output()).toBe(0);
    expect(worker.output()).toContain("SIGTERM: finishing up");

    expect(await database.prisma.jobLock.count()).toBe(0);
    const run = await database.prisma.jobRun.findUniqueOrThrow({
      where: { id: lock.runId },
      select: { job: true, status: true, error: true, finishedAt: true },
    });
    expect(run).toMatchObject({ job: lock.job, status: "FAILED" });
    expect(run.error).toMatch(/interrupted: the worker received SIGTERM/);
    expect(run.finishedAt).not.toBeNull();
    // No run is left looking alive, and the queued ones stay queued for the next worker.
    expect(await database.prisma.jobRun.count({ where: { status: "RUNNING" } })).toBe(0);
  });
});
