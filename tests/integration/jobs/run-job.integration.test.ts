import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/prisma";
import type { JobDefinition } from "@/lib/jobs/job-definition";
import { acquireLease } from "@/lib/jobs/job-lease";
import { requestRun } from "@/lib/jobs/request-run";
import { runJob } from "@/lib/jobs/run-job";
import { failOrphanedRuns, tick } from "@/lib/jobs/scheduler";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

let database: TestDatabase;
const others: Database[] = [];
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(others.splice(0).map((other) => other.close()));
  await database.drop();
});

/** A job that records how many copies of itself run at once. */
function concurrencyProbe(name: string, workMs: number) {
  const seen = { running: 0, maxRunning: 0, runs: 0 };
  const job: JobDefinition = {
    name,
    description: "test job",
    schedule: "*/5 * * * *",
    async run(context) {
      seen.running += 1;
      seen.runs += 1;
      seen.maxRunning = Math.max(seen.maxRunning, seen.running);
      await new Promise((resolve) => setTimeout(resolve, workMs));
      context.countRequests(3);
      context.countRows(42);
      seen.running -= 1;
    },
  };
  return { job, seen };
}

describe("running a job", () => {
  it("records a successful run with its rows and API requests, and frees the lease", async () => {
    const { job } = concurrencyProbe("probe", 5);
    const result = await runJob(database.prisma, job, { trigger: "cli", holder: "test" });
    expect(result).toMatchObject({ status: "SUCCEEDED", rowsWritten: 42, apiRequests: 3 });
    const run = await database.prisma.jobRun.findFirstOrThrow({ where: { job: "probe" } });
    expect(run).toMatchObject({ status: "SUCCEEDED", trigger: "cli", rowsWritten: 42, apiRequests: 3, error: null });
    expect(run.finishedAt).not.toBeNull();
    expect(await database.prisma.jobLock.count()).toBe(0);
  });

  it("records a failure with its error and frees the lease", async () => {
    const job: JobDefinition = {
      name: "broken",
      description: "fails",
      schedule: "0 * * * *",
      async run(context) {
        context.countRequests(1);
        throw new Error("Cost Explorer GetCostAndUsage: ResultsByTime[0].Total is missing");
      },
    };
    const result = await runJob(database.prisma, job, { trigger: "cli", holder: "test" });
    expect(result).toMatchObject({
      status: "FAILED",
      error: "Cost Explorer GetCostAndUsage: ResultsByTime[0].Total is missing",
    });
    const run = await database.prisma.jobRun.findFirstOrThrow({ where: { job: "broken" } });
    expect(run).toMatchObject({ status: "FAILED", apiRequests: 1 });
    expect(run.error).toContain("ResultsByTime[0].Total");
    expect(await database.prisma.jobLock.count()).toBe(0);
  });

  it("refuses a second run of the same job while the first holds the lease, naming the holder", async () => {
    const { job } = concurrencyProbe("probe", 300);
    const first = runJob(database.prisma, job, { trigger: "cli", holder: "worker-a" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await runJob(database.prisma, job, { trigger: "cli", holder: "worker-b" });
    expect(second).toMatchObject({ status: "BUSY", heldBy: "worker-a" });
    expect((await first).status).toBe("SUCCEEDED");
  });

  it("takes over the lease of a worker that died, and marks its run failed", async () => {
    const dead = await database.prisma.jobRun.create({
      data: { job: "probe", trigger: "schedule", status: "RUNNING" },
    });
    expect(await acquireLease(database.prisma, { job: "probe", runId: dead.id, holder: "dead-worker", ttlMs: 1 })).toBe(
      true,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await failOrphanedRuns(database.prisma)).toBe(1);
    expect((await database.prisma.jobRun.findUniqueOrThrow({ where: { id: dead.id } })).status).toBe("FAILED");
    const { job } = concurrencyProbe("probe", 5);
    expect((await runJob(database.prisma, job, { trigger: "cli", holder: "alive" })).status).toBe("SUCCEEDED");
  });
});

describe("run now, from the Jobs page", () => {
  it("queues one run however many requests race, and the worker carries it out once", async () => {
    const requests = await Promise.all(Array.from({ length: 5 }, () => requestRun(database.prisma, "probe", "admin")));
    expect(requests.filter((request) => request.created)).toHaveLength(1);
    expect(new Set(requests.map((request) => request.id)).size).toBe(1);

    const { job, seen } = concurrencyProbe("probe", 5);
    const { results } = await tick(database.prisma, [job], { holder: "worker", now: new Date("2026-11-25T12:01:00Z") });
    expect(results.map((result) => result.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    expect(seen.runs).toBe(2);
    const asked = await database.prisma.jobRun.findUniqueOrThrow({ where: { id: requests[0]!.id } });
    expect(asked).toMatchObject({ status: "SUCCEEDED", trigger: "ui", requestedBy: "admin" });

    // Once it has started, the next request queues a new run.
    expect((await requestRun(database.prisma, "probe", "admin")).created).toBe(true);
  });
});

describe("workers started at once", () => {
  it("never run the same job concurrently, and run each schedule slot exactly once", async () => {
    const { job, seen } = concurrencyProbe("ingest", 150);
    const workers = await Promise.all(Array.from({ length: 4 }, () => database.connectAgain()));
    others.push(...workers);
    const now = new Date("2026-11-25T12:07:00Z");
    const ticks = workers.map((worker, index) => tick(worker.prisma, [job], { holder: `worker-${index}`, now }));
    const outcomes = await Promise.all(ticks);
    expect(outcomes.flatMap((outcome) => outcome.claimed)).toEqual(["ingest"]);
    expect(seen.runs).toBe(1);
    expect(seen.maxRunning).toBe(1);
    const runs = await database.prisma.jobRun.findMany({ where: { job: "ingest" } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "SUCCEEDED", slot: "2026-11-25T12:05:00.000Z", trigger: "schedule" });

    // The next tick in the same slot finds nothing to do; the next slot runs once more.
    await Promise.all(workers.map((worker, index) => tick(worker.prisma, [job], { holder: `worker-${index}`, now })));
    expect(seen.runs).toBe(1);
    const later = new Date("2026-11-25T12:10:30Z");
    await Promise.all(
      workers.map((worker, index) => tick(worker.prisma, [job], { holder: `worker-${index}`, now: later })),
    );
    expect(seen.runs).toBe(2);
    expect(seen.maxRunning).toBe(1);
  });
});
