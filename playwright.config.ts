// End-to-end tests drive Debian's Chromium (never a downloaded browser) against the production build.
// scripts/e2e.ts prepares two embedded databases (one seeded, one empty), builds the app and runs this
// config; E2E_SEEDED_DATA_DIR and E2E_EMPTY_DATA_DIR tell the two servers where their data is.
import { defineConfig } from "@playwright/test";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const seededPort = Number(process.env.E2E_SEEDED_PORT ?? 3201);
const emptyPort = Number(process.env.E2E_EMPTY_PORT ?? 3202);

function server(port: number, dataDir: string | undefined) {
  return {
    command: `node node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: { COSTLENS_DATA_DIR: dataDir ?? "", DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
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
  webServer: [server(seededPort, process.env.E2E_SEEDED_DATA_DIR), server(emptyPort, process.env.E2E_EMPTY_DATA_DIR)],
});
