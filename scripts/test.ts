// npm test: every test layer, in order, and one closing line "N passed, N failed".
//   1. unit and sandbox tests (Vitest projects "unit" and "sim")
//   2. integration tests on embedded PGlite
//   3. the same integration tests on real Postgres, when TEST_DATABASE_URL is set
//   4. end-to-end tests in Chromium (scripts/e2e.ts; skipped with one line when no Chromium is installed)
// A phase that crashes without reporting its tests counts as one failure, so a broken runner never reads
// as green.
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { runCommand } from "./run-command";

interface Tally {
  phase: string;
  passed: number;
  failed: number;
  skipped: number;
}

const vitestReport = z.object({ numPassedTests: z.number(), numFailedTests: z.number(), numPendingTests: z.number() });
const playwrightReport = z.object({
  stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number(), skipped: z.number() }),
});

function readReport<T>(file: string, schema: z.ZodType<T>): T | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  return parsed.success ? parsed.data : undefined;
}

async function vitestPhase(
  phase: string,
  projects: string[],
  reportDir: string,
  env: Record<string, string> = {},
): Promise<Tally> {
  const report = path.join(reportDir, `${phase.replace(/\W+/g, "-")}.json`);
  const projectArgs = projects.flatMap((project) => ["--project", project]);
  const code = await runCommand(
    "npx",
    ["vitest", "run", ...projectArgs, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    { TZ: "UTC", ...env },
  );
  const result = readReport(report, vitestReport);
  if (!result) return { phase, passed: 0, failed: 1, skipped: 0 };
  const failed = result.numFailedTests + (code !== 0 && result.numFailedTests === 0 ? 1 : 0);
  return { phase, passed: result.numPassedTests, failed, skipped: result.numPendingTests };
}

async function e2ePhase(reportDir: string): Promise<Tally> {
  const report = path.join(reportDir, "e2e.json");
  const code = await runCommand("npx", ["tsx", "scripts/e2e.ts"], { E2E_JSON_REPORT: report });
  const result = readReport(report, playwrightReport);
  if (!result) return { phase: "e2e", passed: 0, failed: code === 0 ? 0 : 1, skipped: 0 };
  const { expected, unexpected, flaky, skipped } = result.stats;
  return {
    phase: "e2e",
    passed: expected + flaky,
    failed: unexpected + (code !== 0 && unexpected === 0 ? 1 : 0),
    skipped,
  };
}

const reportDir = await mkdtemp(path.join(tmpdir(), "costlens-test-"));
const tallies: Tally[] = [];
try {
  tallies.push(await vitestPhase("unit and sandbox", ["unit", "sim"], reportDir));
  tallies.push(await vitestPhase("integration (PGlite)", ["integration"], reportDir, { COSTLENS_TEST_DB: "pglite" }));
  if (process.env.TEST_DATABASE_URL) {
    tallies.push(
      await vitestPhase("integration (Postgres)", ["integration"], reportDir, { COSTLENS_TEST_DB: "postgres" }),
    );
  } else {
    console.log(
      "SKIPPED integration (Postgres): set TEST_DATABASE_URL=postgresql://USER@127.0.0.1:5432/postgres to run it",
    );
  }
  tallies.push(await e2ePhase(reportDir));
} finally {
  await rm(reportDir, { recursive: true, force: true });
}

console.log("");
for (const tally of tallies) {
  console.log(
    `${tally.phase}: ${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`,
  );
}
const passed = tallies.reduce((sum, tally) => sum + tally.passed, 0);
const failed = tallies.reduce((sum, tally) => sum + tally.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
