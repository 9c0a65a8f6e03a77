// The production build served by `next start` on 127.0.0.1, for benchmarks: started against a database
// URL, ready once /api/health answers, stopped by the caller.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export interface NextServer {
  origin: string;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, exited: () => boolean) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error("next start exited before it answered: see its output above");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within 60 seconds`);
}

export async function startNextServer(options: { distDir: string; port: number; databaseUrl: string }) {
  if (!existsSync(path.join(options.distDir, "BUILD_ID"))) {
    throw new Error(
      `no production build in ${options.distDir}: run NEXT_DIST_DIR=${options.distDir} npx next build first`,
    );
  }
  const origin = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--port", String(options.port), "--hostname", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: options.distDir,
        DATABASE_URL: options.databaseUrl,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  try {
    await waitForHealth(`${origin}/api/health`, () => exited);
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  return {
    origin,
    async stop() {
      if (!exited) child.kill("SIGTERM");
      await exit;
    },
  } satisfies NextServer;
}
