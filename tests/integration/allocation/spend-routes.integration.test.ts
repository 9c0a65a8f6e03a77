// The spend API's route handlers, called as Next.js calls them, over a small allocated bill.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getReconciliationRoute } from "@/app/api/spend/reconciliation/route";
import { GET as getSquadRoute } from "@/app/api/spend/squads/[slug]/route";
import { GET as getSquadsRoute } from "@/app/api/spend/squads/route";
import { runAllocation } from "@/lib/allocation/run-allocation";
import { setDatabase } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

let database: TestDatabase;

const DAYS = ["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"];

beforeAll(async () => {
  database = await createTestDatabase();
  setDatabase(database);
  const rows = DAYS.flatMap((day) => [
    { day: new Date(day), accountId: "111111111111", service: "Amazon S3", teamTag: "checkout", amount: "10.25" },
    { day: new Date(day), accountId: "111111111111", service: "AWS Lambda", teamTag: "checkout", amount: "2" },
    { day: new Date(day), accountId: "111111111111", service: "Amazon S3", teamTag: "", amount: "1.5" },
    { day: new Date(day), accountId: "222222222222", service: "AWS Support (Business)", teamTag: "", amount: "3" },
  ]);
  await database.prisma.costDaily.createMany({
    data: rows.map(({ amount, ...row }) => ({ ...row, unblendedCost: amount, amortizedCost: amount })),
  });
  await runAllocation({
    prisma: database.prisma,
    runId: "test",
    signal: new AbortController().signal,
    log: () => {},
    progress: () => {},
    countRows: () => {},
  });
});

afterAll(async () => {
  await database.drop();
});

const url = (path: string) => new Request(`http://localhost${path}`);
const slugContext = (slug: string) => ({ params: Promise.resolve({ slug }) });

describe("GET /api/spend/squads", () => {
  it("answers the squads' spend for a window, the bill beside it", async () => {
    const response = await getSquadsRoute(url("/api/spend/squads?from=2026-11-01&to=2026-11-03"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      from: "2026-11-01",
      to: "2026-11-03",
      bill: "33.5",
      squads: [{ slug: "checkout", name: "Checkout", total: "24.5", previousTotal: "24.5", change: "0" }],
      shared: "6",
      idle: "0",
      unallocated: "3",
    });
  });

  it("defaults to the 30 days ending with the newest cost day", async () => {
    const body = (await (await getSquadsRoute(url("/api/spend/squads"))).json()) as { from: string; to: string };
    expect(body).toMatchObject({ from: "2026-10-04", to: "2026-11-03" });
  });

  it.each([
    ["/api/spend/squads?from=yesterday", "from must be a date as YYYY-MM-DD"],
    ["/api/spend/squads?from=2026-11-03&to=2026-11-01", "from must be before to (to is exclusive)"],
    ["/api/spend/squads?from=2026-11-01&to=2026-11-01", "from must be before to (to is exclusive)"],
    ["/api/spend/squads?from=2024-01-01&to=2026-11-01", "the window must be at most 400 days"],
    ["/api/spend/squads?to=2026-13-01", "to must be a real calendar date (YYYY-MM-DD)"],
  ])("400 for %s", async (path, message) => {
    const response = await getSquadsRoute(url(path));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: message });
  });
});

describe("GET /api/spend/squads/:slug", () => {
  it("groups one squad's daily spend by service or namespace", async () => {
    const response = await getSquadRoute(
      url("/api/spend/squads/checkout?from=2026-11-01&to=2026-11-03&groupBy=service"),
      slugContext("checkout"),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      squad: { slug: "checkout", name: "Checkout", costCentre: null },
      from: "2026-11-01",
      to: "2026-11-03",
      total: "24.5",
      previousTotal: "24.5",
      groups: [
        { key: "Amazon S3", total: "20.5" },
        { key: "AWS Lambda", total: "4" },
      ],
    });
    expect(body.days).toEqual([
      { day: "2026-11-01", total: "12.25", groups: { "Amazon S3": "10.25", "AWS Lambda": "2" } },
      { day: "2026-11-02", total: "12.25", groups: { "Amazon S3": "10.25", "AWS Lambda": "2" } },
    ]);
    const byNamespace = await (
      await getSquadRoute(url("/api/spend/squads/checkout?from=2026-11-01&to=2026-11-03"), slugContext("checkout"))
    ).json();
    expect(byNamespace.groups).toEqual([{ key: "(outside Kubernetes)", total: "24.5" }]);
  });

  it("404 for an unknown squad, 400 for an unknown groupBy", async () => {
    const missing = await getSquadRoute(url("/api/spend/squads/nobody"), slugContext("nobody"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "No such squad" });
    const bad = await getSquadRoute(url("/api/spend/squads/checkout?groupBy=pods"), slugContext("checkout"));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'groupBy must be "namespace" or "service"' });
  });
});

describe("GET /api/spend/reconciliation", () => {
  it("answers every day with a zero difference", async () => {
    const response = await getReconciliationRoute(url("/api/spend/reconciliation?from=2026-10-01&to=2026-11-03"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.days).toHaveLength(4);
    expect(body.days[0]).toEqual({
      day: "2026-10-30",
      bill: "16.75",
      allocated: "12.25",
      shared: "3",
      idle: "0",
      unallocated: "1.5",
      difference: "0",
    });
    const bad = await getReconciliationRoute(url("/api/spend/reconciliation?from=2026-10-01&to=2026/11/03"));
    expect(bad.status).toBe(400);
  });
});
