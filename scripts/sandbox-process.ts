// Starts the sandbox cloud (npm run sim) as a child process and reads the environment it prints. The demo
// reaches the sandbox over HTTP only, exactly as it would reach AWS.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export interface SandboxProcess {
  env: Record<string, string>;
  stop(): void;
}

// TERRAFORM_REPO_DIR is the last line the sandbox prints: once it is here, the environment is complete.
const EXPECTED = ["AWS_ENDPOINT_URL", "OPENCOST_URL", "GITHUB_API_URL", "TERRAFORM_REPO_DIR"];

export function startSandboxProcess(args: string[]): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "sim/cli.ts", ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const env: Record<string, string> = {};
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error("the sandbox cloud did not start within 60 seconds"));
    }, 60_000);
    lines.on("line", (line) => {
      const match = /^export ([A-Z0-9_]+)=(.*)$/.exec(line);
      if (!match) return;
      env[match[1]!] = match[2]!.replace(/^'(.*)'$/, "$1");
      if (EXPECTED.every((key) => key in env)) {
        clearTimeout(timer);
        resolve({ env, stop: () => child.kill("SIGTERM") });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox cloud exited with code ${code} before it was ready`));
    });
  });
}
