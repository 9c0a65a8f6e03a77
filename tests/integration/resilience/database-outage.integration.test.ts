// Postgres stopped and restarted under load: the route handlers keep answering (503 with a described
// problem, never a 500, a throw or a stack trace) while it is down, and recover without a restart of the
// app (the pg pool drops its dead connections and opens new ones): errors only while it is down, none
// after. Runs against a private server this test starts and stops; the machine's server is not touched.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as jobRuns } from "@/app/api/jobs/runs/route";
import { GET as squadSpend } from "@/app/api/spend/squads/[slug]/route";
import { GET as squadsSpend } from "@/app/api/spend/squads/route";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { getPrisma } from "@/lib/db/prisma";
import { proxy } from "@/proxy";
import { closeDatabase, connectPostgres, type Database, setDatabase } from "@/lib/db/prisma";
import { createDatabaseOn, type PrivatePostgres, startPrivatePostgres } from "./private-postgres";
import { seedSmallBill } from "./seed-small-bill";

let server: PrivatePostgres | undefined;
let database: Database;

beforeAll(async () => {
  server = await startPrivatePostgres();
  if (!server) return;
  database = await connectPostgres(await createDatabaseOn(server, "costlens_outage"));
  await migrateDatabase(database);
  await seedSmallBill(database.prisma);
  setDatabase(database);
});

afterAll(async () => {
  try {
    await closeDatabase();
  } finally {
    await server?.destroy();
  }
});

interface Sample {
  route: string;
  startedAt: number;
  finishedAt: number;
  status: number | "threw";
  body: string;
}

const requests: { route: string; call: () => Promise<Response> }[] = [
  { route: "GET /api/health", call: () => health() },
  { route: "GET /api/jobs/runs", call: () => jobRuns() },
  {
    route: "GET /api/spend/squads",
    call: () => squadsSpend(new Request("http://localhost/api/spend/squads?from=2026-10-30&to=2026-11-03")),
  },
  {
    route: "GET /api/spend/squads/:slug",
    call: () =>
      squadSpend(new Request("http://localhost/api/spend/squads/checkout?groupBy=service"), {
        params: Promise.resolve({ slug: "checkout" }),
      }),
  },
];

/** `concurrency` loops, each calling the handlers in turn until stopped. */
function load(concurrency: number) {
  const samples: Sample[] = [];
  let running = true;
  const loops = Array.from({ length: concurrency }, async (_value, loop) => {
    for (let i = loop; running; i++) {
      const { route, call } = requests[i % requests.length]!;
      const startedAt = performance.now();
      try {
        const response = await call();
        const body = await response.text();
        samples.push({ route, startedAt, finishedAt: performance.now(), status: response.status, body });
      } catch (error) {
        samples.push({ route, startedAt, finishedAt: performance.now(), status: "threw", body: String(error) });
      }
    }
  });
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the database going away and coming back", () => {
  it("answers 503 while Postgres is down and recovers without a restart once it is back", async (context) => {
    if (!server) return context.skip("no Postgres binaries (initdb, pg_ctl) on this machine");
    const traffic = load(8);
    await sleep(1_500);
    const stopAsked = performance.now();
    server.stop();
    const down = performance.now();
    await sleep(2_000);
    const startAsked = performance.now();
    server.start();
    const up = performance.now();
    await sleep(2_500);
    await traffic.stop();

    const { samples } = traffic;
    const before = samples.filter((sample) => sample.finishedAt < stopAsked);
    // A request reaches the socket a little after it starts; those started just before the restart may
    // connect to the server that is back, so the down window ends a moment before it.
    const whileDown = samples.filter((sample) => sample.startedAt > down && sample.startedAt < startAsked - 300);
    const after = samples.filter((sample) => sample.startedAt > up);
    expect(before.length).toBeGreaterThan(20);
    expect(whileDown.length).toBeGreaterThan(20);
    expect(after.length).toBeGreaterThan(20);

    // Up: everything answers. Down: 503 with a described problem, no stack trace. Back: everything answers.
    expect(before.filter((sample) => sample.status !== 200)).toEqual([]);
    expect(samples.filter((sample) => sample.status === "threw" || sample.status === 500)).toEqual([]);
    for (const sample of whileDown) {
      expect(sample.status, sample.route).toBe(503);
      expect(sample.body).not.toMatch(/\n\s+at |node_modules|ECONNREFUSED/);
    }
    // Every failure, also of the requests in flight when the server shut down (57P01), reads as an
    // unreachable database, not as a failed query.
    const failures = samples.filter((sample) => sample.status === 503 && sample.route !== "GET /api/health");
    expect(failures.length).toBeGreaterThan(10);
    expect(
      new Set(failures.map((sample) => (JSON.parse(sample.body) as { error: { title: string } }).error.title)),
    ).toEqual(new Set(["The database is not reachable"]));
    expect(
      after
        .filter((sample) => sample.status !== 200)
        .map(({ route, status, body }) => ({ route, status, body: body.slice(0, 200) })),
    ).toEqual([]);
  });

  it("answers pages with a 503 page while it is down, and serves them again once it is back", async (context) => {
    if (!server) return context.skip("no Postgres binaries (initdb, pg_ctl) on this machine");
    const page = () => proxy(new NextRequest("http://localhost/squads"));
    const readAsAPageDoes = () => loadOrDescribe("test page", async () => (await getPrisma()).squad.count());
    expect((await page()).status).toBe(200);

    server.stop();
    try {
      const failed = await readAsAPageDoes();
      expect(failed).toMatchObject({ ok: false, problem: { title: "The database is not reachable" } });
      const down = await page();
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toBe("10");
      const html = await down.text();
      expect(html).toContain("CostLens cannot reach its database");
      expect(html).not.toMatch(/ECONNREFUSED|\n\s+at /);
    } finally {
      server.start();
    }
    await sleep(1_000);
    expect((await page()).status).toBe(200);
    expect(await readAsAPageDoes()).toMatchObject({ ok: true });
  });
});
