// End-to-end tests drive Debian's Chromium (never a downloaded browser) against the production build.
// scripts/e2e.ts builds the app, starts the sandbox cloud and prepares three embedded databases: a small
// fixed data set (E2E_SEEDED_DATA_DIR, port 3201), an empty one (E2E_EMPTY_DATA_DIR, 3202) and one the
// real jobs ingested from the sandbox (E2E_SANDBOX_DATA_DIR, 3203). Specs for product features use the
// sandbox server, whose figures they check against the JSON API.
import { defineConfig } from "@playwright/test";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const seededPort = Number(process.env.E2E_SEEDED_PORT ?? 3201);
const emptyPort = Number(process.env.E2E_EMPTY_PORT ?? 3202);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 3203);

// The sandbox's environment (AWS_ENDPOINT_URL, GITHUB_API_URL, ...) passes through from scripts/e2e.ts.
function server(port: number, dataDir: string | undefined) {
  return {
    command: `node node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: { ...process.env, COSTLENS_DATA_DIR: dataDir ?? "", DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" } as Record<
      string,
      string
    >,
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.E2E_JSON_REPORT
    ? [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT }]]
    : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${seededPort}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    server(seededPort, process.env.E2E_SEEDED_DATA_DIR),
    server(emptyPort, process.env.E2E_EMPTY_DATA_DIR),
    server(sandboxPort, process.env.E2E_SANDBOX_DATA_DIR),
  ],
});
