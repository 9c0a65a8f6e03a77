// Squad API benchmark: the sandbox (scale --scale, default 1) ingested into real Postgres by the real
// jobs (inventory, Cost Explorer, OpenCost), allocated, then N calls of getSquadSpend and of the
// GET /api/spend/squads and /api/spend/squads/:slug handlers over the default 30-day window. Prints the
// ingest and allocation times and p50/p95 latency; asserts nothing (this machine is shared and noisy).
//
//   npx tsx bench/squad-api.ts [--scale 1] [--calls 200] [--database postgresql://postgres@127.0.0.1:5432/postgres]
import { parseArgs } from "node:util";
import { GET as squadRoute } from "../app/api/spend/squads/[slug]/route";
import { GET as squadsRoute } from "../app/api/spend/squads/route";
import { getSquadSpend } from "../lib/queries/spend/get-squad-spend";
import { resolveSpendWindow } from "../lib/queries/spend/spend-params";
import { ingestSandbox, percentile } from "./ingested-sandbox";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    calls: { type: "string", default: "200" },
    database: {
      type: "string",
      default: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    },
  },
});
const calls = Number(values.calls);
const admin = values.database!;
const name = `costlens_bench_squads_${process.pid}`;

async function measure(label: string, work: (index: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(10, calls); i++) await work(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  console.log(
    `  ${label.padEnd(44)} p50 ${percentile(samples, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(7)} ms`,
  );
}

const { database, close } = await ingestSandbox({ scale: values.scale!, admin, name });
try {
  const squads = (await database.prisma.squad.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map(
    (squad) => squad.slug,
  );
  const window = await resolveSpendWindow(database.prisma, {});
  console.log(`${calls} calls each, window ${window.from} to ${window.to} (exclusive), ${squads.length} squads`);
  const slug = (index: number) => squads[index % squads.length]!;
  const groupBy = (index: number) => (index % 2 ? "service" : "namespace");
  await measure("getSquadSpend (lib, alternating groupBy)", (i) =>
    getSquadSpend(database.prisma, slug(i), { ...window, groupBy: groupBy(i) }),
  );
  await measure("GET /api/spend/squads/:slug (handler + JSON)", async (i) => {
    const response = await squadRoute(new Request(`http://bench/api/spend/squads/${slug(i)}?groupBy=${groupBy(i)}`), {
      params: Promise.resolve({ slug: slug(i) }),
    });
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    await response.text();
  });
  await measure("GET /api/spend/squads (handler + JSON)", async () => {
    const response = await squadsRoute(new Request("http://bench/api/spend/squads"));
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    await response.text();
  });
} finally {
  await close();
}
