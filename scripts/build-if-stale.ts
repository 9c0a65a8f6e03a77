// Builds the dashboard when there is no production build or a source file is newer than it, so the demo
// starts in seconds after the first run and never serves a stale build.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { runCommand } from "./run-command";

const SOURCES = ["app", "components", "lib", "next.config.js", "package-lock.json", "postcss.config.mjs"];
const IGNORED = new Set(["node_modules", ".next", "generated"]);

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry)
    .filter((name) => !IGNORED.has(name))
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

export async function buildIfStale(log: (line: string) => void): Promise<void> {
  const buildId = path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map(newestMtime));
  if (builtAt > changedAt) return;
  log(
    builtAt
      ? "Sources changed since the last build: rebuilding the dashboard…"
      : "Building the dashboard (first run only, about a minute)…",
  );
  const code = await runCommand("node", ["node_modules/next/dist/bin/next", "build"], { NEXT_TELEMETRY_DISABLED: "1" });
  if (code !== 0) throw new Error("next build failed: see the output above");
}
