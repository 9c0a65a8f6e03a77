// Runs `jobs/cli.ts run <job>` as its own Node process (one process, so a signal reaches the job itself
// and not a wrapper such as npx), against the database at `databaseUrl` and the sandbox in this process's
// environment.
import { type ChildProcess, spawn } from "node:child_process";

export interface JobProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();

/** Kills every job process a test left running (a failed assertion before it exited). */
export function killLeftoverJobProcesses() {
  for (const child of running) child.kill("SIGKILL");
}

export function startJobProcess(args: string[], databaseUrl: string, entry = "jobs/cli.ts"): JobProcess {
  const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, TZ: "UTC" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Polls `check` every 100 ms until it is true; fails after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
