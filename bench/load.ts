// Load test: the production build (`next start` on 127.0.0.1) over the sandbox (scale --scale, default 10)
// ingested into real Postgres and allocated. autocannon drives each endpoint with --connections (50) for
// --seconds (20): /api/health first as the baseline, then the squads API over an explicit 30-day window,
// each squad's API (every squad in turn, namespace and service grouping), the overview API and the
// overview page (server-rendered per request: its figures are the API's plus the React render). Prints
// req/s, p50/p95/p99 and error rate, and p99 against the baseline; asserts nothing (the machine is shared
// and noisy). Goal, the case study's SLOs: p99 under 200 ms, errors under 0.1%.
//
//   NEXT_DIST_DIR=.next-load npx next build   (once)
//   npx tsx bench/load.ts [--scale 10] [--seconds 20] [--connections 50] [--dist .next-load] [--port 3910]
//     [--database postgresql://postgres@127.0.0.1:5432/postgres]
import { parseArgs } from "node:util";
import { resolveSpendWindow } from "../lib/queries/spend/spend-params";
import { ingestSandbox } from "./ingested-sandbox";
import { formatFigures, loadEndpoint, type LoadFigures } from "./load/load-endpoint";
import { type NextServer, startNextServer } from "./load/next-server";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "10" },
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "50" },
    dist: { type: "string", default: process.env.NEXT_DIST_DIR || ".next-load" },
    port: { type: "string", default: "3910" },
    database: {
      type: "string",
      default: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);

const ingested = await ingestSandbox({
  scale: values.scale!,
  admin: values.database!,
  name: `costlens_bench_load_${process.pid}`,
});
const running: { server?: NextServer } = {};
// Ctrl+C mid-run still stops the server and the sandbox and drops the benchmark database.
process.once("SIGINT", () => {
  console.log("SIGINT: cleaning up");
  void Promise.resolve(running.server?.stop())
    .then(() => ingested.close())
    .finally(() => process.exit(130));
});
const server = await startNextServer({ distDir: values.dist!, port: Number(values.port), databaseUrl: ingested.url });
running.server = server;
try {
  const prisma = ingested.database.prisma;
  const squads = (await prisma.squad.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map(
    (squad) => squad.slug,
  );
  const { from, to } = await resolveSpendWindow(prisma, {});
  const squadPaths = squads.flatMap((slug) =>
    ["namespace", "service"].map((groupBy) => `/api/spend/squads/${slug}?from=${from}&to=${to}&groupBy=${groupBy}`),
  );
  const endpoints = [
    { label: "GET /api/spend/squads?from&to", paths: [`/api/spend/squads?from=${from}&to=${to}`] },
    { label: `GET /api/spend/squads/:slug (${squads.length} squads)`, paths: squadPaths },
    { label: "GET /api/overview", paths: ["/api/overview"] },
    { label: "GET / (overview page)", paths: ["/"] },
  ];
  console.log(
    `${connections} connections, ${seconds} s per endpoint, window ${from} to ${to} (exclusive), server ${server.origin}`,
  );
  const run = (label: string, paths: string[]) =>
    loadEndpoint({ label, origin: server.origin, paths, connections, seconds });
  // A short warm-up of every path, so the first figures do not include compilation and connection setup.
  for (const paths of [["/api/health"], ...endpoints.map((endpoint) => endpoint.paths)]) {
    await loadEndpoint({ label: "warm-up", origin: server.origin, paths, connections: 5, seconds: 2 });
  }
  const baseline = await run("GET /api/health (baseline)", ["/api/health"]);
  console.log(formatFigures(baseline));
  const results: LoadFigures[] = [];
  for (const endpoint of endpoints) {
    const figures = await run(endpoint.label, endpoint.paths);
    results.push(figures);
    console.log(formatFigures(figures, baseline));
  }
  const worst = results.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  const worstErrors = Math.max(...results.map((figures) => figures.errorRate));
  console.log(
    `goal p99 < 200 ms and errors < 0.1%: worst p99 ${worst.p99.toFixed(1)} ms (${worst.label}), ` +
      `worst error rate ${(worstErrors * 100).toFixed(2)}%`,
  );
} finally {
  await server.stop();
  await ingested.close();
}
