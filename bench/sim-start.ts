// Benchmark: starts the sandbox at scale 1 and at scale 10 in child processes and prints, for each, the
// time until it printed its environment, its peak resident memory (VmHWM), and the time and peak memory
// after one month of daily costs grouped by team through the official Cost Explorer client; then the
// scale-10 / scale-1 ratios. No assertions: the bar is < 30 s and < 1 GiB at scale 10.
// Run: npx tsx bench/sim-start.ts [--today YYYY-MM-DD]
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { CostExplorerClient, GetCostAndUsageCommand } from "@aws-sdk/client-cost-explorer";
import { addDays, todayUtc } from "../sim/org/days";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TODAY = process.argv.includes("--today")
  ? (process.argv[process.argv.indexOf("--today") + 1] ?? todayUtc())
  : todayUtc();

interface Measurement {
  scale: number;
  startMs: number;
  startPeakMiB: number;
  monthQueryMs: number;
  queryPeakMiB: number;
}

async function peakRssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kib / 1024);
}

function waitForEnvironment(child: ChildProcess): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (!output.includes("export TERRAFORM_REPO_DIR=")) return;
      const env: Record<string, string> = {};
      for (const match of output.matchAll(/^export ([A-Z_]+)=(.*)$/gm))
        env[match[1] ?? ""] = (match[2] ?? "").replace(/^'|'$/g, "");
      resolve(env);
    });
    child.once("exit", (code) => reject(new Error(`sandbox exited with ${code} before printing its environment`)));
  });
}

async function measure(scale: number): Promise<Measurement> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "sim/cli.ts", "--port", "0", "--scale", String(scale), "--today", TODAY],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  try {
    const env = await waitForEnvironment(child);
    const startMs = performance.now() - started;
    const pid = child.pid ?? 0;
    const startPeakMiB = await peakRssMiB(pid);
    const client = new CostExplorerClient({
      endpoint: env.AWS_ENDPOINT_URL,
      region: "us-east-1",
      credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID ?? "", secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? "" },
    });
    const queryStarted = performance.now();
    let token: string | undefined;
    do {
      const page = await client.send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: addDays(TODAY, -30), End: TODAY },
          Granularity: "DAILY",
          Metrics: ["UnblendedCost"],
          GroupBy: [{ Type: "TAG", Key: "team" }],
          NextPageToken: token,
        }),
      );
      token = page.NextPageToken;
    } while (token);
    const monthQueryMs = performance.now() - queryStarted;
    return { scale, startMs, startPeakMiB, monthQueryMs, queryPeakMiB: await peakRssMiB(pid) };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

const one = await measure(1);
const ten = await measure(10);
const row = (m: Measurement) =>
  `scale ${String(m.scale).padStart(2)}: start ${(m.startMs / 1000).toFixed(2)} s, peak RSS ${m.startPeakMiB} MiB; ` +
  `30-day CE query ${(m.monthQueryMs / 1000).toFixed(2)} s, peak RSS ${m.queryPeakMiB} MiB`;
console.log(`sandbox start benchmark (today ${TODAY})`);
console.log(row(one));
console.log(row(ten));
console.log(
  `ratios 10x/1x: start ${(ten.startMs / one.startMs).toFixed(2)}, peak RSS ${(ten.startPeakMiB / one.startPeakMiB).toFixed(2)}, ` +
    `query ${(ten.monthQueryMs / one.monthQueryMs).toFixed(2)}, peak RSS after query ${(ten.queryPeakMiB / one.queryPeakMiB).toFixed(2)}`,
);
