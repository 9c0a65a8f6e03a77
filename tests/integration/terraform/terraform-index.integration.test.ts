// The Terraform index in the database: built once from the sandbox's repository and S3 states, reused while
// nothing moved, rebuilt after a new commit on main or a rewritten state file; recommendations get the
// terraform_address of their resource (and lose it when the resource leaves the states).
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecommendationType } from "@/lib/db/generated/enums";
import { refreshTerraformIndex, type TerraformIndexDeps } from "@/lib/terraform/index/refresh-terraform-index";
import { loadStoredIndex } from "@/lib/terraform/index/stored-index";
import { localGitRepositorySource } from "@/lib/terraform/repository/local-git-source";
import { directoryStateSource, s3StateSource } from "@/lib/terraform/state/read-states";
import { createS3Client } from "@/lib/terraform/state/s3-client";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

const run = promisify(execFile);
const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.com",
};
const git = async (cwd: string, ...args: string[]) => (await run("git", args, { cwd, env: GIT_ENV })).stdout.trim();

let sandbox: TestSandbox;
let database: TestDatabase;
let deps: TerraformIndexDeps;
let work: string;
const s3 = () => createS3Client({ region: "us-east-1" });

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: 42, scale: 1, today: "2026-02-01" });
  database = await createTestDatabase();
  work = await mkdtemp(join(tmpdir(), "tf-index-test-"));
  deps = {
    repo: "acme-shop/infrastructure",
    source: localGitRepositorySource(sandbox.env.TERRAFORM_REPO_DIR!),
    states: s3StateSource(s3(), sandbox.env.TERRAFORM_STATE_BUCKET!),
  };
});
afterAll(async () => {
  await database?.drop();
  await sandbox?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

async function seedRecommendation(type: RecommendationType, resourceId: string) {
  const row = await database.prisma.recommendation.create({
    data: {
      type,
      resourceId,
      accountId: "000000000000",
      region: "us-east-1",
      currentMonthlyCost: "10",
      projectedMonthlyCost: "0",
      monthlySaving: "10",
      evidence: {},
      evidenceHash: `hash-${resourceId}`,
    },
    select: { id: true },
  });
  return row.id;
}

const addressOf = async (id: string) =>
  (await database.prisma.recommendation.findUniqueOrThrow({ where: { id }, select: { terraformAddress: true } }))
    .terraformAddress;

describe("refreshTerraformIndex", () => {
  let zombieRecommendation: string;
  let consoleRecommendation: string;
  let zombieAddress: string;
  let zombieId: string;

  it("builds and stores the index on first use, and annotates the recommendations it can map", async () => {
    const org = sandbox.ctx.org;
    const zombie = org.planted.find(
      (p) =>
        p.type === "zombie-instance" && org.instances.find((i) => i.id === p.resourceId)?.managedBy === "terraform",
    )!;
    const consoleMade = org.instances.find((i) => i.managedBy === "console")!;
    zombieId = zombie.resourceId;
    zombieRecommendation = await seedRecommendation("ZOMBIE_INSTANCE", zombie.resourceId);
    consoleRecommendation = await seedRecommendation("ZOMBIE_INSTANCE", consoleMade.id);

    const first = await refreshTerraformIndex(database.prisma, deps);
    expect(first.rebuilt).toBe(true);
    expect(first.annotated).toBe(1);
    zombieAddress = first.index.entries[zombie.resourceId]!.address;
    expect(zombieAddress).toMatch(/aws_instance\./);
    expect(await addressOf(zombieRecommendation)).toBe(zombieAddress);
    expect(await addressOf(consoleRecommendation)).toBeNull();

    const stored = await loadStoredIndex(database.prisma, deps.repo);
    expect(stored?.commitSha).toBe(await git(sandbox.env.TERRAFORM_REPO_DIR!, "rev-parse", "main"));
    expect(stored?.branch).toBe("main");
    expect(Object.keys(stored?.entries ?? {}).length).toBe(Object.keys(first.index.entries).length);
  });

  it("reuses the stored index while neither the branch nor a state moved", async () => {
    const before = await database.prisma.terraformIndex.findUniqueOrThrow({
      where: { repo: deps.repo },
      select: { builtAt: true },
    });
    const again = await refreshTerraformIndex(database.prisma, deps);
    expect(again.rebuilt).toBe(false);
    expect(again.annotated).toBe(0);
    const after = await database.prisma.terraformIndex.findUniqueOrThrow({
      where: { repo: deps.repo },
      select: { builtAt: true },
    });
    expect(after.builtAt).toEqual(before.builtAt);
  });

  it("rebuilds after a new commit on main", async () => {
    const bare = sandbox.env.TERRAFORM_REPO_DIR!;
    const clone = join(work, "clone");
    await git(work, "clone", "--quiet", bare, clone);
    const path = (await git(clone, "ls-files", "envs/*/outputs.tf")).split("\n")[0]!;
    await writeFile(
      join(clone, path),
      `${await readFile(join(clone, path), "utf8")}\n# Reviewed in the cost review.\n`,
    );
    await git(clone, "commit", "--quiet", "-am", "Note the cost review");
    await git(clone, "push", "--quiet", "origin", "HEAD:main");

    const rebuilt = await refreshTerraformIndex(database.prisma, deps);
    expect(rebuilt.rebuilt).toBe(true);
    expect(rebuilt.index.commitSha).toBe(await git(clone, "rev-parse", "HEAD"));
    expect(await addressOf(zombieRecommendation)).toBe(zombieAddress);
    expect((await refreshTerraformIndex(database.prisma, deps)).rebuilt).toBe(false);
  });

  it("rebuilds when a state file changes, and clears the address of a resource that left the states", async () => {
    const stateDir = join(work, "states");
    for (const file of await deps.states.readAll()) {
      await mkdir(join(stateDir, file.rootModule), { recursive: true });
      await writeFile(join(stateDir, file.key), JSON.stringify(file.state));
    }
    const fromDir = { ...deps, states: directoryStateSource(stateDir) };
    expect((await refreshTerraformIndex(database.prisma, fromDir)).rebuilt).toBe(true);
    expect((await refreshTerraformIndex(database.prisma, fromDir)).rebuilt).toBe(false);

    // the zombie leaves its state, as after `terraform apply` of the merged pull request
    const entry = (await loadStoredIndex(database.prisma, deps.repo))!.entries[zombieId]!;
    const key = `${entry.rootModule}/terraform.tfstate`;
    const state = JSON.parse(await readFile(join(stateDir, key), "utf8")) as {
      resources: Array<{ type: string; name: string; module?: string }>;
    };
    state.resources = state.resources.filter((r) => r.module || r.type !== entry.type || r.name !== entry.name);
    await writeFile(join(stateDir, key), JSON.stringify(state));

    const after = await refreshTerraformIndex(database.prisma, fromDir);
    expect(after.rebuilt).toBe(true);
    expect(after.annotated).toBe(1);
    expect(await addressOf(zombieRecommendation)).toBeNull();
  });
});
