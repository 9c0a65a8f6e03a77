// AWS Cost Explorer down: the ingest fails and is recorded, the stored data stays as it was and the spend
// API keeps serving it, and the data-freshness banner says "stored data as of <the last success>", naming
// the failing source; once the source is back and a run succeeds, the banner goes away.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as squadsSpend } from "@/app/api/spend/squads/route";
import { FreshnessNotice } from "@/components/status/data-freshness-banner";
import { setDatabase } from "@/lib/db/prisma";
import { formatDateTime } from "@/lib/format/dates";
import type { JobDefinition } from "@/lib/jobs/job-definition";
import { runJob } from "@/lib/jobs/run-job";
import { getDataFreshness } from "@/lib/queries/data-freshness";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

const TODAY = "2026-11-20";
const window = { from: "2026-10-01", to: "2026-11-01" };
let sandbox: TestSandbox;
let database: TestDatabase;
let costExplorerJob: JobDefinition;
let allocationJob: JobDefinition;

beforeAll(async () => {
  sandbox = await startTestSandbox({ today: TODAY, months: 3 });
  database = await createTestDatabase();
  setDatabase(database);
  // The jobs read their configuration from the environment the sandbox set: import them after it.
  ({ costExplorerJob } = await import("@/jobs/cost-explorer"));
  ({ allocationJob } = await import("@/jobs/allocation"));
});

afterAll(async () => {
  await sandbox?.close();
  await database?.drop();
});

const run = (job: JobDefinition, withWindow = true) =>
  runJob(database.prisma, job, { trigger: "cli", holder: "test", window: withWindow ? window : undefined });

async function squadsSpendBody() {
  const response = await squadsSpend(new Request("http://localhost/api/spend/squads?from=2026-10-01&to=2026-11-01"));
  expect(response.status).toBe(200);
  return response.json();
}

const banner = async () =>
  renderToStaticMarkup(createElement(FreshnessNotice, { freshness: await getDataFreshness(database.prisma) }));

describe("AWS Cost Explorer down", () => {
  it("keeps serving the stored data with a 'data as of' banner, which clears once the source is back", async () => {
    expect((await run(costExplorerJob)).status).toBe("SUCCEEDED");
    expect((await run(allocationJob, false)).status).toBe("SUCCEEDED");
    const stored = await squadsSpendBody();
    expect(await banner()).toBe("");
    const success = await database.prisma.jobRun.findFirstOrThrow({
      where: { job: "cost-explorer", status: "SUCCEEDED" },
      select: { finishedAt: true },
    });

    await sandbox.injectFault({ api: "costexplorer", operation: "*", kind: "server-error", count: 10_000 });
    const failed = await run(costExplorerJob);
    expect(failed.status).toBe("FAILED");

    expect(await squadsSpendBody()).toEqual(stored);
    const freshness = await getDataFreshness(database.prisma);
    expect(freshness.failing.map((source) => source.job)).toEqual(["cost-explorer"]);
    expect(freshness.dataAsOf).toEqual(success.finishedAt);
    const html = await banner();
    expect(html).toContain("Showing stored data as of");
    expect(html).toContain(formatDateTime(success.finishedAt!));
    expect(html).toContain("AWS Cost Explorer: the latest fetch failed at");
    expect(html).toContain('href="/jobs"');

    await sandbox.clearFaults();
    expect((await run(costExplorerJob)).status).toBe("SUCCEEDED");
    expect((await getDataFreshness(database.prisma)).failing).toEqual([]);
    expect(await banner()).toBe("");
  });

  it("says a source that never succeeded has not been fetched yet", async () => {
    await database.prisma.jobRun.create({
      data: { job: "opencost", trigger: "cli", status: "FAILED", finishedAt: new Date(), error: "down" },
      select: { id: true },
    });
    const html = await banner();
    expect(html).toContain("Some data has not been fetched yet");
    expect(html).toContain("OpenCost: the latest fetch failed at");
    expect(html).toContain("never fetched successfully");
  });
});
