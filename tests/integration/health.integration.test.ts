import { afterEach, describe, expect, it } from "vitest";
import { getHealth } from "@/lib/health/get-health";
import { healthSchema } from "@/lib/health/health-schema";
import { connectPostgres, setDatabase } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

describe("GET /api/health's report", () => {
  it("reports the database reachable and each job's last success", async () => {
    database = await createTestDatabase();
    setDatabase(database);
    const finishedAt = new Date("2026-11-24T06:00:00Z");
    await database.prisma.jobRun.createMany({
      data: [
        {
          job: "cost-explorer",
          trigger: "cli",
          status: "SUCCEEDED",
          startedAt: new Date("2026-11-24T05:59:00Z"),
          finishedAt,
        },
        {
          job: "cost-explorer",
          trigger: "schedule",
          status: "FAILED",
          startedAt: new Date("2026-11-25T05:59:00Z"),
          finishedAt: new Date("2026-11-25T06:00:00Z"),
          error: "throttled",
        },
        { job: "inventory", trigger: "cli", status: "RUNNING" },
      ],
    });
    const health = healthSchema.parse(await getHealth());
    expect(health.status).toBe("ok");
    expect(health.database.reachable).toBe(true);
    expect(health.jobs).toEqual([{ job: "cost-explorer", lastSuccessAt: finishedAt.toISOString() }]);
  });

  it("reports the database unreachable with a reason, not an exception", async () => {
    setDatabase(await connectPostgres("postgresql://nobody@127.0.0.1:1/nothing"));
    const health = await getHealth();
    expect(health.status).toBe("unavailable");
    expect(health.database).toEqual({ reachable: false, problem: "The database is not reachable" });
  });
});
