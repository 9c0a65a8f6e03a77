// The `npm run sim` command line: prints one `export KEY=value` per variable, stops cleanly on SIGTERM,
// and refuses bad flags with exit code 2.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = ["--import", "tsx", "sim/cli.ts"];

describe("sim CLI", () => {
  it("refuses bad flags with a clear message and exit code 2", () => {
    for (const args of [["--scale", "0"], ["--today", "2026-02-30"], ["--bogus"], ["--port", "x"]]) {
      const run = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: "utf8" });
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/^sim: .+\nusage: npm run sim/m);
    }
  });

  it("prints the environment as export lines and exits cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, [...CLI, "--port", "0", "--today", "2026-11-25"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "ignore"],
    });
    let output = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString("utf8");
        if (output.includes("TERRAFORM_REPO_DIR=")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`exited early with ${code}`)));
    });
    const keys = [...output.matchAll(/^export ([A-Z_]+)=\S+$/gm)].map((m) => m[1]);
    expect(keys).toEqual([
      "AWS_ENDPOINT_URL",
      "AWS_REGION",
      "AWS_REGIONS",
      "AWS_ACCESS_KEY_ID",
      "AWS_SECRET_ACCESS_KEY",
      "OPENCOST_URL",
      "GITHUB_API_URL",
      "GITHUB_TOKEN",
      "TERRAFORM_REPO",
      "TERRAFORM_STATE_BUCKET",
      "TERRAFORM_REPO_DIR",
    ]);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
