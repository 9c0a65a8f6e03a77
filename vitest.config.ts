// Three Vitest projects, one per test tier that runs in Node:
// - unit: pure logic (tests/unit/**/*.test.ts)
// - sim: the sandbox cloud's generator and its wire-protocol contract tests (tests/sim/**/*.test.ts)
// - integration: jobs and queries against a real database (tests/integration/**/*.integration.test.ts);
//   scripts/test.ts runs this project once on PGlite and once more on real Postgres when TEST_DATABASE_URL
//   is set. End-to-end tests are Playwright's (tests/e2e, playwright.config.ts).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    env: { TZ: "UTC" },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: { name: "sim", include: ["tests/sim/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.integration.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
