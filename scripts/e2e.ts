// npm run test:e2e: builds the app, prepares a seeded and an empty embedded database, and runs Playwright
// against the production server with Debian's Chromium. Without a Chromium it prints one SKIPPED line
// (or fails, when REQUIRE_E2E=1). With E2E_JSON_REPORT set, Playwright's JSON report is written there.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { SECRET_VARIABLES } from "../lib/config/env";
import { prepareDataDir } from "../tests/e2e/fixtures/prepare-data-dir";
import { runCommand } from "./run-command";
import { startSandboxProcess } from "./sandbox-process";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(chromium)) {
  const message = `end-to-end tests need Chromium at ${chromium}: install it with "sudo apt-get install -y chromium" or set CHROMIUM_PATH`;
  if (process.env.REQUIRE_E2E === "1") {
    console.error(`FAILED e2e: ${message}`);
    process.exit(1);
  }
  console.log(`SKIPPED e2e: ${message}`);
  process.exit(0);
}

const nextEnv = { NEXT_TELEMETRY_DISABLED: "1" };

// The build runs with a canary in every secret variable; tests/e2e/bundle-secrets.spec.ts then scans the
// output for them. Kept beside the build (outside it) so E2E_SKIP_BUILD=1 reuses the matching canaries.
// Never put into process.env: the servers and the sandbox must not inherit them.
const canariesFile = path.resolve(".tmp", "e2e-secret-canaries.json");

function newCanaries(): Record<string, string> {
  const canaries = Object.fromEntries(
    [...SECRET_VARIABLES].map((name) => [name, `costlens-canary-${name}-${randomBytes(12).toString("hex")}`]),
  );
  canaries.DATABASE_URL = `postgresql://canary:${canaries.DATABASE_URL}@127.0.0.1:1/canary`;
  return canaries;
}

let canaries: Record<string, string> | undefined;
if (process.env.E2E_SKIP_BUILD !== "1") {
  canaries = newCanaries();
  const built = await runCommand("node", ["node_modules/next/dist/bin/next", "build"], { ...nextEnv, ...canaries });
  if (built !== 0) {
    console.error("FAILED e2e: next build failed");
    process.exit(built);
  }
  await mkdir(path.dirname(canariesFile), { recursive: true });
  await writeFile(canariesFile, JSON.stringify(canaries));
} else if (existsSync(canariesFile)) {
  canaries = JSON.parse(await readFile(canariesFile, "utf8")) as Record<string, string>;
}

const root = await mkdtemp(path.join(tmpdir(), "costlens-e2e-"));
const seeded = path.join(root, "seeded");
const empty = path.join(root, "empty");
const sandboxData = path.join(root, "sandbox");
// The sandbox cloud runs for the whole e2e run: the sandbox server's data is ingested from it, and
// actions that reach out (pull requests) go to it.
const sandbox = await startSandboxProcess(["--port", "0", "--repo-dir", path.join(root, "sandbox-repo")]);
Object.assign(process.env, sandbox.env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" });
try {
  await prepareDataDir(seeded, "fixture");
  await prepareDataDir(empty, "empty");
  await prepareDataDir(sandboxData, "sandbox");
  const code = await runCommand("npx", ["playwright", "test", ...process.argv.slice(2)], {
    ...nextEnv,
    CHROMIUM_PATH: chromium,
    E2E_SEEDED_DATA_DIR: seeded,
    E2E_EMPTY_DATA_DIR: empty,
    E2E_SANDBOX_DATA_DIR: sandboxData,
    ...(canaries ? { E2E_SECRET_CANARIES: JSON.stringify(canaries) } : {}),
  });
  process.exitCode = code;
} finally {
  sandbox.stop();
  await rm(root, { recursive: true, force: true });
}
