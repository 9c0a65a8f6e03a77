// The recommendations API route handlers, called as Next calls them (a Request in, a Response out), over
// a small hand-made set of recommendations: validation, pagination, 404 and 409.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/prisma";
import type { RecommendationStatus, RecommendationType } from "@/lib/db/generated/enums";
import { getWasteSummary } from "@/lib/queries/recommendations";
import { GET as listRoute } from "@/app/api/recommendations/route";
import { GET as detailRoute } from "@/app/api/recommendations/[id]/route";
import { POST as dismissRoute } from "@/app/api/recommendations/[id]/dismiss/route";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

let database: TestDatabase;

const evidence = {
  summary: "idle",
  lookbackDays: 14,
  window: { from: "2026-11-06", to: "2026-11-19" },
  metrics: [],
  prices: [],
  formula: "x",
  currentMonthlyCost: "10",
  projectedMonthlyCost: "0",
  monthlySaving: "10",
  facts: [],
  fix: "delete",
  estimated: false,
};

beforeAll(async () => {
  database = await createTestDatabase();
  setDatabase(database);
  const squad = await database.prisma.squad.create({ data: { slug: "checkout", name: "Checkout" } });
  const rows: {
    type: RecommendationType;
    resourceId: string;
    saving: string;
    status?: RecommendationStatus;
    squad?: boolean;
  }[] = [
    { type: "ZOMBIE_INSTANCE", resourceId: "i-1", saving: "300", squad: true },
    { type: "RIGHTSIZING", resourceId: "i-1", saving: "150", squad: true },
    { type: "ZOMBIE_INSTANCE", resourceId: "i-2", saving: "200" },
    { type: "ZOMBIE_INSTANCE", resourceId: "i-3", saving: "200" },
    { type: "ORPHAN_VOLUME", resourceId: "vol-1", saving: "10.5", squad: true },
    { type: "ORPHAN_VOLUME", resourceId: "vol-2", saving: "99", status: "RESOLVED" },
  ];
  for (const row of rows) {
    await database.prisma.recommendation.create({
      data: {
        type: row.type,
        status: row.status ?? "OPEN",
        resourceId: row.resourceId,
        accountId: "111111111111",
        region: "us-east-1",
        squadId: row.squad ? squad.id : null,
        currentMonthlyCost: row.saving,
        projectedMonthlyCost: "0",
        monthlySaving: row.saving,
        evidence: { ...evidence, monthlySaving: row.saving },
        evidenceHash: "h",
      },
    });
  }
});

afterAll(async () => {
  await database.drop();
});

const list = async (query: string) => {
  const response = await listRoute(new Request(`http://localhost/api/recommendations${query}`));
  return {
    status: response.status,
    body: (await response.json()) as {
      items: { id: string; resourceId: string; monthlySaving: string }[];
      nextCursor: string | null;
      error?: string;
    },
  };
};
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("GET /api/recommendations", () => {
  it("pages largest saving first with ties by id, through an opaque cursor", async () => {
    const first = await list("?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.items.map((i) => i.monthlySaving)).toEqual(["300", "200"]);
    const second = await list(`?limit=2&cursor=${first.body.nextCursor}`);
    const third = await list(`?limit=2&cursor=${second.body.nextCursor}`);
    const all = [...first.body.items, ...second.body.items, ...third.body.items];
    expect(all.map((i) => i.monthlySaving)).toEqual(["300", "200", "200", "150", "99", "10.5"]);
    expect(new Set(all.map((i) => i.id)).size).toBe(6);
    expect(third.body.nextCursor).toBeNull();
  });

  it("filters by type (kebab or enum), squad and status", async () => {
    expect((await list("?type=zombie-instance")).body.items).toHaveLength(3);
    expect((await list("?type=ZOMBIE_INSTANCE&squad=checkout")).body.items.map((i) => i.resourceId)).toEqual(["i-1"]);
    expect((await list("?status=resolved")).body.items.map((i) => i.resourceId)).toEqual(["vol-2"]);
  });

  it("answers 400 with a message that does not echo the input", async () => {
    for (const query of ["?limit=0", "?limit=201", "?type=%3Cimg%3E", "?cursor=%3Cscript%3E", "?squad=DROP%20TABLE"]) {
      const { status, body } = await list(query);
      expect(status, query).toBe(400);
      expect(body.error).toBeTruthy();
      expect(body.error).not.toMatch(/<img>|<script>|DROP TABLE/);
    }
  });
});

describe("GET /api/recommendations/:id and POST .../dismiss", () => {
  it("answers the evidence, 404 for an unknown id", async () => {
    const [top] = (await list("?limit=1")).body.items;
    const response = await detailRoute(new Request("http://localhost/"), params(top!.id));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: top!.id, squad: "checkout", evidence: { summary: "idle" } });
    expect((await detailRoute(new Request("http://localhost/"), params("cl_unknown"))).status).toBe(404);
  });

  it("dismisses with a reason (400 without one), 409 when already resolved, and audits it", async () => {
    const open = (await list("?type=orphan-volume&status=open")).body.items[0]!;
    const post = (id: string, body: unknown) =>
      dismissRoute(new Request("http://localhost/", { method: "POST", body: JSON.stringify(body) }), params(id));
    expect((await post(open.id, { reason: "x" })).status).toBe(400);
    expect((await post(open.id, {})).status).toBe(400);
    const ok = await post(open.id, { reason: "snapshot kept for audit" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "DISMISSED", dismissedReason: "snapshot kept for audit" });
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { entityId: open.id } });
    expect(audit).toMatchObject({
      action: "recommendation.dismiss",
      before: { status: "OPEN" },
      after: { status: "DISMISSED" },
    });
    const resolved = (await list("?status=resolved")).body.items[0]!;
    expect((await post(resolved.id, { reason: "not needed" })).status).toBe(409);
    expect((await post("cl_unknown", { reason: "not needed" })).status).toBe(404);
  });

  it("sums each resource once in the waste summary", async () => {
    const summary = await getWasteSummary(database.prisma);
    // open: i-1 300 (zombie wins over rightsizing 150), i-2 200, i-3 200; vol-1 dismissed above
    expect(summary.total).toBe("700");
    expect(summary.byType.find((t) => t.type === "RIGHTSIZING")).toMatchObject({
      count: 0,
      monthlySaving: "0",
      grossMonthlySaving: "150",
    });
    expect(summary.bySquad.find((s) => s.squad === "checkout")).toMatchObject({ count: 1, monthlySaving: "300" });
    expect((await getWasteSummary(database.prisma, { squad: "checkout" })).total).toBe("300");
  });
});
