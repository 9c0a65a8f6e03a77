// Squad page render benchmark: the sandbox (scale --scale, default 10) ingested into real Postgres and
// allocated (as bench/squad-api.ts does), the production build served by `next start` (built once into
// --dist when it is missing or older than the sources), then N loads of /squads/<slug> in Chromium, each
// in a fresh browser context (a squad lead opening a link): the time from navigation start to the chart's
// bars and the breakdown table's rows being in the page, p50 and p95. A baseline in the same run, N loads
// of /api/health (the server's and the browser's floor), gives the ratio. Prints figures; asserts nothing
// (this machine is shared and noisy). Goal: page ready under 1 s.
//
//   npx tsx bench/squad-page.ts [--scale 10] [--loads 30] [--dist .next-bench] [--port 3900]
//     [--database postgresql://postgres@127.0.0.1:5432/postgres] [--reuse-build]
// --reuse-build serves the build already in --dist even when sources changed after it (a rerun of the
// same measurement); without a build there it stops with a message.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "playwright-core";
import { launchChromium } from "../lib/browser/chromium";
import { buildIfStale } from "../scripts/build-if-stale";
import { ingestSandbox, percentile } from "./ingested-sandbox";
import { startNextServer } from "./load/next-server";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "10" },
    loads: { type: "string", default: "30" },
    dist: { type: "string", default: ".next-bench" },
    port: { type: "string", default: "3900" },
    "reuse-build": { type: "boolean", default: false },
    database: {
      type: "string",
      default: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    },
  },
});
const loads = Number(values.loads);
const origin = `http://127.0.0.1:${values.port}`;

/** Ready: the stacked chart has drawn its bars and the breakdown table has rows. */
function squadPageReady(): number | false {
  const bars = document.querySelector('[role="img"][aria-label^="Daily spend by"] .recharts-bar-rectangle');
  const rows = document.querySelector('section[aria-labelledby="breakdown-heading"] table tbody tr');
  return bars && rows ? performance.now() : false;
}

function documentComplete(): number | false {
  return document.readyState === "complete" ? performance.now() : false;
}

/** Milliseconds from navigation start (the new document's time origin) until `ready` holds. */
async function timeToReady(browser: Browser, path: string, ready: () => number | false): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}${path}`, { waitUntil: "commit" });
    const handle = await page.waitForFunction(ready, undefined, { polling: "raf", timeout: 30_000 });
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

async function measure(browser: Browser, label: string, path: (index: number) => string, ready: () => number | false) {
  for (let i = 0; i < 3; i++) await timeToReady(browser, path(i), ready); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < loads; i++) samples.push(await timeToReady(browser, path(i), ready));
  const p50 = percentile(samples, 50);
  console.log(
    `  ${label.padEnd(36)} p50 ${p50.toFixed(0).padStart(6)} ms   p95 ${percentile(samples, 95).toFixed(0).padStart(6)} ms`,
  );
  return p50;
}

process.env.NEXT_DIST_DIR = values.dist;
if (!values["reuse-build"]) await buildIfStale((line) => console.log(line));
else if (!existsSync(path.join(values.dist!, "BUILD_ID")))
  throw new Error(`--reuse-build: no production build in ${values.dist}; run once without it to build`);
const { database, url, close } = await ingestSandbox({
  scale: values.scale!,
  admin: values.database!,
  name: `costlens_bench_page_${process.pid}`,
});
const server = await startNextServer({ distDir: values.dist!, port: Number(values.port), databaseUrl: url }).catch(
  async (error: unknown) => {
    await close();
    throw error;
  },
);
let browser: Browser | undefined;
try {
  const squads = (await database.prisma.squad.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map(
    (squad) => squad.slug,
  );
  browser = await launchChromium();
  console.log(`${loads} loads each (after 3 warm-up), a fresh browser context per load, ${squads.length} squads`);
  const baseline = await measure(browser, "/api/health (baseline)", () => "/api/health", documentComplete);
  const page = await measure(
    browser,
    "/squads/<slug> (chart + table ready)",
    (index) => `/squads/${encodeURIComponent(squads[index % squads.length]!)}`,
    squadPageReady,
  );
  console.log(`  ratio squad page / baseline (p50)     ${(page / baseline).toFixed(1)}x; goal: page ready < 1000 ms`);
} finally {
  await browser?.close();
  await server.stop();
  await close();
}
