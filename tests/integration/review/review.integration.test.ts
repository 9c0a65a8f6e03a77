// The monthly review over data the real ingest and allocation jobs stored from the sandbox cloud: its
// figures reconcile with the spend API for the same month, the FOCUS export validates against the
// specification and totals the month's Cost Explorer bill to the cent, and the export routes answer bad
// input with a 400. PGlite, and Postgres in the second run of this suite.
process.env.CHROMIUM_PATH = "/nonexistent/costlens-test/chromium";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getFocusRoute } from "@/app/api/review/[month]/focus.csv/route";
import { GET as getCsvRoute } from "@/app/api/review/[month]/csv/route";
import { GET as getPdfRoute } from "@/app/api/review/[month]/pdf/route";
import { allocationJob } from "@/jobs/allocation";
import { Decimal } from "@/lib/db/decimal";
import { setDatabase } from "@/lib/db/prisma";
import { runJob } from "@/lib/jobs/run-job";
import { listReviewMonths } from "@/lib/queries/review-months";
import { squadsSpendApi } from "@/lib/queries/spend/spend-api";
import { loadReview, type MonthlyReview } from "@/lib/review/load-review";
import { focusCsvChunks } from "@/lib/review/stream-focus-csv";
import { monthBounds } from "@/lib/review/review-month";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, testDatabaseMode, type TestDatabase } from "../../helpers/test-database";
import { ingestSandbox } from "../allocation/ingest-sandbox";
import { parseCsv, validateFocusCsv } from "../../unit/review/focus-validator";

const TODAY = "2026-11-20";
const MONTH = "2026-10";
let sandbox: TestSandbox;
let database: TestDatabase;

const context = (month: string) => ({ params: Promise.resolve({ month }) });
const url = (path: string) => new Request(`http://localhost${path}`);

async function billOf(month: string): Promise<string> {
  const bounds = monthBounds(month);
  const [row] = await database.prisma.$queryRaw<Array<{ total: string | null }>>`
    SELECT SUM(unblended_cost)::text AS total FROM cost_daily
    WHERE day >= ${new Date(bounds.from)}::date AND day < ${new Date(bounds.to)}::date`;
  return new Decimal(row?.total ?? "0").toFixed();
}

async function readyReview(month: string): Promise<MonthlyReview> {
  const review = await loadReview(database.prisma, month, TODAY);
  if (review.status !== "ready") throw new Error(`no data for ${month}`);
  return review;
}

beforeAll(async () => {
  sandbox = await startTestSandbox({ today: TODAY, months: 3 });
  database = await createTestDatabase();
  setDatabase(database);
  const started = Date.now();
  await ingestSandbox(database.prisma, sandbox, TODAY);
  const allocation = await runJob(database.prisma, allocationJob, { trigger: "cli", holder: "test" });
  expect(allocation.status).toBe("SUCCEEDED");
  console.log(`[${testDatabaseMode()}] ingest and allocation: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 600_000);

afterAll(async () => {
  await database?.drop();
  await sandbox?.close();
});

describe("the review of the last complete sandbox month", () => {
  it("reconciles with the spend API for the same month", async () => {
    const review = await readyReview(MONTH);
    expect(review.coverage).toMatchObject({ status: "complete", daysWithData: 31, missingDays: [] });
    const api = await squadsSpendApi(database.prisma, new URLSearchParams({ from: "2026-10-01", to: "2026-11-01" }));
    if (!api.ok) throw new Error(api.error);
    expect(review.total.current).toBe(await billOf(MONTH));
    expect(review.total.previous).toBe(await billOf("2026-09"));
    expect(new Decimal(review.owners.bill).equals(api.data.bill)).toBe(true);
    for (const owner of ["shared", "idle", "unallocated"] as const) {
      expect(new Decimal(review.owners[owner]).equals(api.data[owner])).toBe(true);
    }
    const apiSquads = new Map(
      api.data.squads.filter((squad) => squad.total !== "0").map((squad) => [squad.slug, squad.total]),
    );
    expect(review.squads.length).toBeGreaterThan(3);
    expect(new Map(review.squads.map((squad) => [squad.slug, squad.current]))).toEqual(apiSquads);
    // every dollar exactly once: squads + shared + idle + unallocated = the bill
    const allocated = review.squads
      .reduce((sum, squad) => sum.plus(squad.current), new Decimal(0))
      .plus(review.owners.shared)
      .plus(review.owners.idle)
      .plus(review.owners.unallocated);
    expect(allocated.toFixed()).toBe(review.total.current);
    expect(review.movers.length).toBeGreaterThan(0);
    for (const mover of review.movers) expect(mover.driver === null || mover.driver.key.length > 0).toBe(true);
    expect(review.forecast).toEqual({ source: "none" });
    expect(review.nextForecast.source).toBe("costlens-trend");
  });

  it("uses Cost Explorer's stored forecasts when there are some", async () => {
    await database.prisma.costForecast.createMany({
      data: [
        {
          asOf: new Date("2026-10-01"),
          periodStart: new Date("2026-10-01"),
          periodEnd: new Date("2026-11-01"),
          metric: "UNBLENDED_COST",
          meanAmount: "1000.5",
        },
        // made after the month started: not the forecast the month is judged against
        {
          asOf: new Date("2026-10-15"),
          periodStart: new Date("2026-10-01"),
          periodEnd: new Date("2026-11-01"),
          metric: "UNBLENDED_COST",
          meanAmount: "9",
        },
        {
          asOf: new Date("2026-11-19"),
          periodStart: new Date("2026-11-01"),
          periodEnd: new Date("2026-12-01"),
          metric: "UNBLENDED_COST",
          meanAmount: "2000",
          lowerBound: "1800",
          upperBound: "2200",
          predictionIntervalLevel: 80,
        },
      ],
    });
    const review = await readyReview(MONTH);
    expect(review.forecast).toMatchObject({
      source: "cost-explorer",
      forecast: { asOf: "2026-10-01", mean: "1000.5" },
      versusActual: { change: new Decimal(review.total.current).minus("1000.5").toFixed() },
    });
    expect(review.nextForecast).toMatchObject({ source: "cost-explorer", forecast: { mean: "2000", lower: "1800" } });
    await database.prisma.costForecast.deleteMany({});
  });

  it("reports waste, merged pull requests and realised savings from the stored rows", async () => {
    const squad = await database.prisma.squad.findFirstOrThrow({ select: { id: true, slug: true, name: true } });
    const recommendation = await database.prisma.recommendation.create({
      data: {
        type: "ORPHAN_VOLUME",
        status: "RESOLVED",
        resourceId: "vol-review-test",
        accountId: "111111111111",
        region: "eu-west-1",
        squadId: squad.id,
        currentMonthlyCost: "25",
        projectedMonthlyCost: "0",
        monthlySaving: "25",
        evidence: {},
        evidenceHash: "review-test",
        detectedAt: new Date("2026-10-02T08:00:00Z"),
        resolvedAt: new Date("2026-10-20T08:00:00Z"),
      },
    });
    await database.prisma.pullRequest.create({
      data: {
        repo: "acme-shop/infrastructure",
        number: 42,
        branch: "costlens/review-test",
        title: "Delete orphan volume vol-review-test",
        state: "MERGED",
        type: "ORPHAN_VOLUME",
        rootModule: "envs/prod",
        createdBy: "test",
        projectedSaving: "25",
        realisedSaving: "24.5",
        mergedAt: new Date("2026-10-12T09:00:00Z"),
        realisedAt: new Date("2026-10-19T00:00:00Z"),
        items: { create: { recommendationId: recommendation.id, projectedSaving: "25", realisedSaving: "24.5" } },
      },
    });
    const review = await readyReview(MONTH);
    expect(review.waste).toMatchObject({ findings: 1, newThisMonth: 1, monthlySaving: "25" });
    expect(review.savings).toMatchObject({ mergedCount: 1, realisedThisMonth: "24.5", cumulativeRealised: "24.5" });
    expect(review.leaderboard[0]).toMatchObject({ squad: squad.slug, cleanedUp: 1, cleanedUpSaving: "25", open: 0 });
    const september = await readyReview("2026-09");
    expect(september.savings).toMatchObject({ mergedCount: 0, cumulativeRealised: "0" });
    const csv = await getCsvRoute(url(`/api/review/${MONTH}/csv?table=pull-requests`), context(MONTH));
    expect(parseCsv(await csv.text())).toEqual([
      ["Pull request", "Merged", "Projected monthly saving", "Realised monthly saving"],
      ["acme-shop/infrastructure#42: Delete orphan volume vol-review-test", "2026-10-12", "25", "24.5"],
    ]);
  });

  it("calls the current month partial, marks it in the month list and gives a month without data no figures", async () => {
    const november = await loadReview(database.prisma, "2026-11", TODAY);
    expect(november.status).toBe("ready");
    expect(november.coverage).toMatchObject({ status: "partial", inProgress: true });
    const empty = await loadReview(database.prisma, "2024-01", TODAY);
    expect(empty).toMatchObject({ status: "empty", coverage: { status: "empty", daysWithData: 0 } });
    const months = await listReviewMonths(database.prisma, TODAY);
    expect(months.find((month) => month.month === "2026-11")?.partial).toBe(true);
    expect(months.find((month) => month.month === MONTH)).toMatchObject({ partial: false, days: 31, daysInMonth: 31 });
  });
});

describe("GET /api/review/:month/focus.csv", () => {
  it("streams a FOCUS file that validates and totals the month's Cost Explorer bill to the cent", async () => {
    const response = await getFocusRoute(url(`/api/review/${MONTH}/focus.csv`), context(MONTH));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="costlens-review-2026-10-focus.csv"',
    );
    const text = await response.text();
    const result = validateFocusCsv(text);
    expect(result.problems).toEqual([]);
    const [row] = await database.prisma.$queryRaw<Array<{ rows: bigint }>>`
      SELECT COUNT(*) AS rows FROM allocated_cost_daily WHERE day >= '2026-10-01'::date AND day < '2026-11-01'::date`;
    expect(result.rows).toBe(Number(row!.rows));
    expect(result.billedCost.toFixed(2)).toBe(new Decimal(await billOf(MONTH)).toFixed(2));
    // exact, not merely to the cent: the allocation splits without losing a fraction
    expect(result.billedCost.toFixed()).toBe(await billOf(MONTH));
  });

  it("pages through the rows without losing or repeating one", async () => {
    const chunks: string[] = [];
    for await (const chunk of focusCsvChunks(database.prisma, monthBounds(MONTH), 997)) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(2);
    const whole = await (await getFocusRoute(url(`/api/review/${MONTH}/focus.csv`), context(MONTH))).text();
    expect(parseCsv(chunks.join("")).length).toBe(parseCsv(whole).length);
    expect(validateFocusCsv(chunks.join("")).billedCost.toFixed()).toBe(await billOf(MONTH));
  });

  it("answers a bad month with a 400 that does not echo it", async () => {
    const response = await getFocusRoute(url("/api/review/2026-13/focus.csv"), context("2026-13"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "the month must be between 2000-01 and 2099-12" });
  });
});

describe("GET /api/review/:month/csv", () => {
  it("serves a table of the review with exact amounts", async () => {
    const review = await readyReview(MONTH);
    const response = await getCsvRoute(url(`/api/review/${MONTH}/csv?table=squads`), context(MONTH));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="costlens-review-2026-10-squads.csv"',
    );
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).toEqual(["Squad", "October 2026", "September 2026", "Change", "Change %"]);
    expect(rows.map((row) => [row[0], row[1]])).toEqual(review.squads.map((squad) => [squad.name, squad.current]));
  });

  it.each([
    [`/api/review/${MONTH}/csv?table=secrets`, MONTH, 400],
    [`/api/review/${MONTH}/csv`, MONTH, 400],
    ["/api/review/october/csv?table=squads", "october", 400],
    ["/api/review/2024-01/csv?table=squads", "2024-01", 404],
  ])("answers %s with %i", async (path, month, status) => {
    const response = await getCsvRoute(url(path), context(month));
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: string };
    expect(body.error).not.toContain("secrets");
    expect(body.error).not.toContain("october");
  });
});

describe("GET /api/review/:month/pdf", () => {
  it("says clearly when Chromium is missing", async () => {
    const response = await getPdfRoute(url(`/api/review/${MONTH}/pdf`), context(MONTH));
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: string }).error).toMatch(/^PDF export needs Chromium at /);
  });

  it("refuses a bad month before starting a browser", async () => {
    const response = await getPdfRoute(url("/api/review/2026-1/pdf"), context("2026-1"));
    expect(response.status).toBe(400);
  });
});
