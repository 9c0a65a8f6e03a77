// Starts the sandbox cloud: generates the organisation, writes its Terraform repository (when that part of
// the sandbox is present), discovers the API modules and listens on 127.0.0.1.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { todayUtc } from "../org/days";
import { generateOrganisation, REGIONS } from "../org/generate-organisation";
import type { Organisation } from "../org/model";
import type { Sandbox } from "./dispatch";
import { discoverApis } from "./discover-apis";
import { FaultQueue } from "./faults";
import { createSandboxServer } from "./http-server";
import { SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY } from "./sigv4";
import { RequestStats } from "./stats";
import type { SimContext } from "./types";

export interface SandboxOptions {
  port?: number;
  seed?: number;
  scale?: number;
  months?: number;
  today?: string;
  repoDir?: string;
  /** Log one line per request to stderr. */
  verbose?: boolean;
}

export interface RunningSandbox {
  url: string;
  env: Record<string, string>;
  ctx: SimContext;
  close(): Promise<void>;
}

export const SANDBOX_GITHUB_TOKEN = "sandbox-github-token";
export const TERRAFORM_REPO = "acme-shop/infrastructure";
export const TERRAFORM_STATE_BUCKET = "acme-terraform-state";

const SIM_DIR = fileURLToPath(new URL("..", import.meta.url));

type WriteRepository = (org: Organisation, bareRepoDir: string) => Promise<void>;

/** The Terraform part of the sandbox is optional: without it the GitHub API serves an empty directory. */
async function writeTerraformIfPresent(org: Organisation, repoDir: string): Promise<void> {
  const file = join(SIM_DIR, "terraform", "write-repository.ts");
  if (!existsSync(file)) return;
  const imported = (await import(pathToFileURL(file).href)) as { writeTerraformRepository?: WriteRepository };
  if (typeof imported.writeTerraformRepository !== "function")
    throw new Error(`${file} does not export writeTerraformRepository`);
  await imported.writeTerraformRepository(org, repoDir);
}

export function sandboxEnv(url: string, repoDir: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: url,
    AWS_REGION: "us-east-1",
    AWS_REGIONS: REGIONS.join(","),
    AWS_ACCESS_KEY_ID: SANDBOX_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: SANDBOX_SECRET_ACCESS_KEY,
    OPENCOST_URL: `${url}/opencost`,
    GITHUB_API_URL: `${url}/github`,
    GITHUB_TOKEN: SANDBOX_GITHUB_TOKEN,
    TERRAFORM_REPO,
    TERRAFORM_STATE_BUCKET,
    TERRAFORM_REPO_DIR: repoDir,
  };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const org = generateOrganisation({
    seed: options.seed ?? 42,
    scale: options.scale ?? 1,
    months: options.months ?? 13,
    today: options.today ?? todayUtc(),
  });
  const ownsRepoDir = options.repoDir === undefined;
  const repoDir = options.repoDir ?? (await mkdtemp(join(tmpdir(), "costlens-sandbox-repo-")));
  await mkdir(repoDir, { recursive: true });
  await writeTerraformIfPresent(org, repoDir);

  const ctx: SimContext = { org, repoDir, baseUrl: "" };
  const sandbox: Sandbox = {
    ctx,
    stats: new RequestStats(),
    faults: new FaultQueue(),
    apis: await discoverApis(join(SIM_DIR, "apis")),
  };
  const server = createSandboxServer(sandbox, { verbose: options.verbose ?? false });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  ctx.baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: ctx.baseUrl,
    env: sandboxEnv(ctx.baseUrl, repoDir),
    ctx,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      if (ownsRepoDir) await rm(repoDir, { recursive: true, force: true });
    },
  };
}
