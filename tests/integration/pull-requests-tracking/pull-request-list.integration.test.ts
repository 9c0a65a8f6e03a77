// The Pull requests page's query: state filter, sorting (not-yet-realised last), pages of 25, and the totals
// the page leads with, on a database holding pull requests in every state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Decimal } from "@/lib/db/decimal";
import type { PullRequestState } from "@/lib/db/generated/enums";
import { listPullRequests, PULL_REQUEST_PAGE_SIZE, pullRequestListQuerySchema } from "@/lib/queries/pull-request-list";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

let database: TestDatabase;
const query = (input: Record<string, unknown>) => pullRequestListQuerySchema.parse(input);

async function seed(index: number, state: PullRequestState, projected: string, realised: string | null) {
  const recommendation = await database.prisma.recommendation.create({
    data: {
      type: "ORPHAN_VOLUME",
      status: realised ? "REALISED" : "IN_PROGRESS",
      resourceId: `vol-${String(index).padStart(6, "0")}`,
      accountId: "111111111111",
      region: "us-east-1",
      currentMonthlyCost: projected,
      projectedMonthlyCost: 0,
      monthlySaving: projected,
      evidence: {},
      evidenceHash: "h",
    },
    select: { id: true },
  });
  await database.prisma.pullRequest.create({
    data: {
      repo: "acme-shop/infrastructure",
      number: state === "OPENING" ? null : index,
      url: state === "OPENING" ? null : `https://github.example/acme-shop/infrastructure/pull/${index}`,
      branch: `costlens/list-${index}`,
      title: `Delete volume ${index}`,
      state,
      type: "ORPHAN_VOLUME",
      rootModule: "envs/production",
      createdBy: "engineer@example.com",
      projectedSaving: projected,
      realisedSaving: realised,
      createdAt: new Date(Date.UTC(2026, 9, 1) + index * 3_600_000),
      mergedAt: state === "MERGED" ? new Date(Date.UTC(2026, 9, 2)) : null,
      items: {
        create: {
          recommendationId: recommendation.id,
          openKey: state === "OPEN" || state === "OPENING" ? recommendation.id : null,
          projectedSaving: projected,
          realisedSaving: realised,
        },
      },
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  // 30 open (10.00 .. 39.00), 3 merged (two realised), 2 closed, 1 opening
  for (let i = 0; i < 30; i++) await seed(i, "OPEN", `${10 + i}.25`, null);
  await seed(100, "MERGED", "50", "45.5");
  await seed(101, "MERGED", "80", "80");
  await seed(102, "MERGED", "20", null);
  await seed(103, "CLOSED", "5", null);
  await seed(104, "CLOSED", "6", null);
  await seed(105, "OPENING", "7", null);
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

describe("listPullRequests", () => {
  it("leads with the totals: projected still open, realised to date, counts by state", async () => {
    const list = await listPullRequests(database.prisma, query({}));
    // open: sum of 10.25 .. 39.25 = 30 x 24.75 = 742.5, plus the opening one's 7
    expect(new Decimal(list.totals.projectedOpen).toFixed(2)).toBe("749.50");
    expect(new Decimal(list.totals.realisedToDate).toFixed(2)).toBe("125.50");
    expect(list.totals.byState).toEqual({ OPENING: 1, OPEN: 30, MERGED: 3, CLOSED: 2 });
    expect(list.total).toBe(36);
    expect(list.pageCount).toBe(2);
    expect(list.items).toHaveLength(PULL_REQUEST_PAGE_SIZE);
    // newest first by default
    expect(list.items[0]?.title).toBe("Delete volume 105");
  });

  it("filters by state and carries each pull request's recommendations", async () => {
    const merged = await listPullRequests(database.prisma, query({ state: "MERGED", sort: "realised" }));
    expect(merged.total).toBe(3);
    expect(merged.items.map((i) => i.realisedSaving)).toEqual(["80", "45.5", null]);
    expect(merged.items[0]?.recommendations).toMatchObject([
      { type: "ORPHAN_VOLUME", status: "REALISED", realisedSaving: "80" },
    ]);
    const ascending = await listPullRequests(database.prisma, query({ state: "MERGED", sort: "realised", dir: "asc" }));
    expect(ascending.items.map((i) => i.realisedSaving)).toEqual(["45.5", "80", null]);
  });

  it("pages through a sorted list and clamps a page past the end", async () => {
    const byProjected = query({ state: "OPEN", sort: "projected", dir: "asc" });
    const first = await listPullRequests(database.prisma, byProjected);
    const second = await listPullRequests(database.prisma, { ...byProjected, page: 2 });
    expect(first.items[0]?.projectedSaving).toBe("10.25");
    expect(second.items.map((i) => i.projectedSaving)).toEqual(["35.25", "36.25", "37.25", "38.25", "39.25"]);
    const past = await listPullRequests(database.prisma, { ...byProjected, page: 99 });
    expect(past.page).toBe(2);
  });

  it("reads unusable query parameters as the defaults", () => {
    expect(query({ state: "BOGUS", sort: "nope", dir: "sideways", page: "-3" })).toEqual({
      state: "ALL",
      sort: "opened",
      dir: "desc",
      page: 1,
    });
  });
});
