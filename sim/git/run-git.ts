// Runs the real git CLI against a bare repository. User and system configuration are ignored so the
// sandbox behaves the same on every machine (and commit ids stay stable for a seed).
import { spawn } from "node:child_process";

export interface GitOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Exit codes other than 0 that are answers rather than failures (e.g. 1 from merge-base --is-ancestor). */
  okCodes?: number[];
}

export interface GitResult {
  stdout: Buffer;
  code: number;
}

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly code: number,
    readonly stderr: string,
  ) {
    super(`git ${args.join(" ")} failed (${code}): ${stderr.trim()}`);
    this.name = "GitError";
  }
}

/** The caller's environment without its GIT_* variables, plus settings that make git reproducible. */
function gitEnv(gitDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith("GIT_")) delete env[name];
  return {
    ...env,
    GIT_DIR: gitDir,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    LANG: "C",
    TZ: "UTC",
    ...extra,
  };
}

export function runGitRaw(gitDir: string, args: string[], options: GitOptions = {}): Promise<GitResult> {
  // Without GIT_DIR git would search upwards from the working directory and could touch another repository.
  if (gitDir === "") return Promise.reject(new GitError(args, -1, "no repository directory configured"));
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { env: gitEnv(gitDir, options.env), stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const exit = code ?? -1;
      if (exit === 0 || options.okCodes?.includes(exit)) resolve({ stdout: Buffer.concat(out), code: exit });
      else reject(new GitError(args, exit, Buffer.concat(err).toString("utf8")));
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
  });
}

/** stdout as text without the trailing newline. */
export async function runGit(gitDir: string, args: string[], options: GitOptions = {}): Promise<string> {
  const { stdout } = await runGitRaw(gitDir, args, options);
  return stdout.toString("utf8").replace(/\n$/, "");
}
