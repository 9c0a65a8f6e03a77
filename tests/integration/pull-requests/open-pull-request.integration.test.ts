// Opening Terraform pull requests against the sandbox's GitHub and Terraform repository, through the route
// handlers as Next calls them and through the lib function: a zombie recommendation (seeded from the
// sandbox's planted waste) opens a pull request whose branch, cloned with git, removes exactly that block;
// ten concurrent clicks give one pull request; a GitHub 5xx leaves no reservation and a retry succeeds; a
// refusal opens nothing; a closed pull request lets a new one open; a crashed reservation is taken over.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as batchRoute } from "@/app/api/pull-requests/route";
import { GET as lookupRoute, POST as openRoute } from "@/app/api/recommendations/[id]/pull-request/route";
import { parseConfig } from "@/lib/config/env";
import { setDatabase } from "@/lib/db/prisma";
import { createGitHubClient, type GitHubClient } from "@/lib/git/github-client";
import { GitHubRepositorySource } from "@/lib/git/github-repository-source";
import { openPullRequest, type RecommendationToFix } from "@/lib/pull-requests/open-pull-request";
import { PullRequestError } from "@/lib/pull-requests/pull-request-errors";
import { terraformFixPlanner } from "@/lib/pull-requests/terraform-fix-planner";
import { loadStoredIndex } from "@/lib/terraform/index/stored-index";
import { PULL_REQUEST_LIMIT, hitRateLimit } from "@/lib/security/rate-limit";
import { localGitRepositorySource } from "@/lib/terraform/repository/local-git-source";
import type { Ec2Instance } from "@/sim/org/model";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

const run = promisify(execFile);
const git = async (cwd: string, args: string[]) => (await run("git", args, { cwd, maxBuffer: 64 << 20 })).stdout;

let sandbox: TestSandbox;
let database: TestDatabase;
let github: GitHubClient;
let repoDir: string;
let workDir: string;
/** terraform-managed zombie instances the planner turns into a deletion, and one made in the console */
let managed: Ec2Instance[];
let unmanaged: Ec2Instance;
let unmanagedToo: Ec2Instance;

function evidenceFor(instance: Ec2Instance, saving: string) {
  return {
    summary: `${instance.id} ran for 14 days with CPU under 5% and almost no network traffic.`,
    lookbackDays: 14,
    window: { from: "2026-11-06", to: "2026-11-19" },
    metrics: [
      {
        metric: "AWS/EC2/CPUUtilization",
        label: "CPU utilisation",
        unit: "percent",
        days: [{ day: "2026-11-19", average: 0.4, maximum: 1.2, p95: 0.9, sum: null }],
      },
    ],
    prices: [
      {
        kind: "EC2_INSTANCE_HOUR",
        key: instance.instanceType,
        region: instance.region,
        usdPerUnit: "0.192",
        unit: "Hrs",
        effectiveDate: "2026-11-01",
      },
    ],
    formula: `0.192 USD/h x 730 h = ${saving} USD/month`,
    currentMonthlyCost: saving,
    projectedMonthlyCost: "0",
    monthlySaving: saving,
    facts: [{ label: "Instance type", value: instance.instanceType }],
    fix: "Delete the aws_instance block",
    estimated: false,
  };
}

async function seedZombie(instance: Ec2Instance, saving = "140.16"): Promise<string> {
  const row = await database.prisma.recommendation.create({
    data: {
      type: "ZOMBIE_INSTANCE",
      resourceId: instance.id,
      accountId: instance.accountId,
      region: instance.region,
      currentMonthlyCost: saving,
      projectedMonthlyCost: "0",
      monthlySaving: saving,
      evidence: evidenceFor(instance, saving),
      evidenceHash: `hash-${instance.id}`,
    },
    select: { id: true },
  });
  return row.id;
}

const subject = (instance: Ec2Instance, id: string): RecommendationToFix => ({
  id,
  type: "ZOMBIE_INSTANCE",
  resourceId: instance.id,
  accountId: instance.accountId,
  region: instance.region,
  monthlySaving: "1",
  evidence: null,
  terraformAddress: null,
});

const deps = (overrides: Partial<Parameters<typeof openPullRequest>[0]> = {}) => ({
  prisma: database.prisma,
  github,
  planFix: terraformFixPlanner(database.prisma, github, parseConfig(sandbox.env)),
  ...overrides,
});

const post = (id: string) =>
  openRoute(new Request(`http://localhost/api/recommendations/${id}/pull-request`, { method: "POST" }), {
    params: Promise.resolve({ id }),
  });

async function pullsOnGitHub(state: "open" | "closed" | "all" = "all") {
  const { owner, repo } = github.repository;
  return github.octokit.paginate(github.octokit.rest.pulls.list, { owner, repo, state, per_page: 100 });
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  database = await createTestDatabase();
  setDatabase(database);
  const config = parseConfig(sandbox.env);
  github = createGitHubClient(config);
  repoDir = sandbox.env.TERRAFORM_REPO_DIR!;
  workDir = await mkdtemp(join(tmpdir(), "costlens-pr-test-"));
  const org = sandbox.ctx.org;
  const zombies = org.planted
    .filter((p) => p.type === "zombie-instance")
    .map((p) => org.instances.find((i) => i.id === p.resourceId)!);
  // the ones the real planner turns into a deletion (not count/for_each, not in a shared module)
  const planner = terraformFixPlanner(database.prisma, github, config);
  managed = [];
  for (const instance of zombies.filter((i) => i.managedBy === "terraform")) {
    const outcome = await planner([subject(instance, `probe-${instance.id}`)]);
    if (outcome.kind === "plan") managed.push(instance);
  }
  [unmanaged, unmanagedToo] = zombies.filter((i) => i.managedBy === "console") as [Ec2Instance, Ec2Instance];
  expect(managed.length).toBeGreaterThanOrEqual(8);
  expect(unmanagedToo).toBeDefined();
});

// Each test starts with a fresh rate-limit budget: the tests send more requests than one person may.
beforeEach(async () => {
  await database.prisma.rateLimitWindow.deleteMany();
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
  await database?.drop();
  await sandbox?.close();
});

describe("opening a Terraform pull request for a zombie instance", () => {
  it("opens a pull request whose branch removes exactly the instance's block", async () => {
    const instance = managed[0]!;
    const id = await seedZombie(instance);

    const response = await post(id);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { url: string; number: number; state: string };
    expect(body.state).toBe("OPEN");
    expect(body.url).toMatch(new RegExp(`/acme-shop/infrastructure/pull/${body.number}$`));

    // the database: an OPEN row, the recommendation in progress, an audit event
    const row = await database.prisma.pullRequest.findFirstOrThrow({
      where: { items: { some: { recommendationId: id } } },
      select: { state: true, number: true, branch: true, createdBy: true, projectedSaving: true, items: true },
    });
    expect(row).toMatchObject({ state: "OPEN", number: body.number, createdBy: "demo" });
    expect(row.projectedSaving.toString()).toBe("140.16");
    expect(row.items[0]!.openKey).toBe(id);
    const recommendation = await database.prisma.recommendation.findUniqueOrThrow({ where: { id } });
    expect(recommendation.status).toBe("IN_PROGRESS");
    const audit = await database.prisma.auditEvent.findMany({ where: { action: "pull_request.open" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: "demo", entityType: "pull_request" });

    // GitHub: the pull request, its body and labels
    const { owner, repo } = github.repository;
    const { data: pull } = await github.octokit.rest.pulls.get({ owner, repo, pull_number: body.number });
    expect(pull.head.ref).toBe(row.branch);
    expect(row.branch).toMatch(new RegExp(`^costlens/zombie-instance/${instance.id}-[0-9a-f]{8}$`));
    expect(pull.body).toContain("Plan: 0 to add, 0 to change, 1 to destroy.");
    expect(pull.body).toContain("$140.16/month");
    expect(pull.body).toContain("2026-11-01");
    expect(pull.title).toContain(instance.id);
    expect(pull.labels.map((l) => l.name).sort()).toEqual(["cost-saving", "costlens", "zombie-instance"]);

    // the branch, cloned with git: one file, only deletions, exactly the instance's resource block
    const index = await loadStoredIndex(database.prisma, github.fullName);
    const entry = index!.entries[instance.id]!;
    const [type, name] = entry.address.split(".");
    const clone = join(workDir, "first");
    await run("git", ["clone", "--quiet", "--no-single-branch", repoDir, clone]);
    await git(clone, ["checkout", "--quiet", row.branch]);
    const numstat = (await git(clone, ["diff", "--numstat", "origin/main...HEAD"])).trim().split("\n");
    expect(numstat).toHaveLength(1);
    const [added, deleted, file] = numstat[0]!.split("\t");
    expect(file).toBe(entry.file);
    expect(added).toBe("0");
    const before = await git(clone, ["show", `origin/main:${file}`]);
    const after = await git(clone, ["show", `HEAD:${file}`]);
    const header = `resource "${type}" "${name}" {`;
    expect(before).toContain(header);
    expect(after).not.toContain(header);
    const removed = (await git(clone, ["diff", "-U0", "origin/main...HEAD"]))
      .split("\n")
      .filter((line) => line.startsWith("-") && !line.startsWith("---"))
      .map((line) => line.slice(1));
    expect(removed).toHaveLength(Number(deleted));
    expect(removed.filter((line) => line.startsWith("resource "))).toEqual([header]);
    // every other block of the file is still there, byte for byte
    const headers = (text: string) => text.split("\n").filter((line) => /^(resource|data|module) /.test(line));
    expect(headers(after)).toEqual(headers(before).filter((line) => line !== header));
    const start = before.indexOf(header);
    const blockEnd = before.indexOf("\n}\n", start) + 3;
    const withoutBlock = before.slice(0, start) + before.slice(blockEnd);
    expect(after.replace(/\n{3,}/g, "\n\n")).toBe(withoutBlock.replace(/\n{3,}/g, "\n\n"));

    // the page's lookup, and a second click answer with the same pull request
    const lookup = await lookupRoute(new Request("http://localhost"), { params: Promise.resolve({ id }) });
    expect(await lookup.json()).toEqual({ pullRequest: body });
    const again = await post(id);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(body);
  });

  it("ten concurrent clicks open one pull request: one 201 and nine 200s", async () => {
    const id = await seedZombie(managed[1]!);
    const before = (await pullsOnGitHub()).length;
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(id)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ number: number; url: string }>));
    expect(new Set(bodies.map((b) => b.number)).size).toBe(1);
    expect((await pullsOnGitHub()).length).toBe(before + 1);
    expect(await database.prisma.pullRequest.count({ where: { items: { some: { recommendationId: id } } } })).toBe(1);
  });

  it("a GitHub 5xx while creating leaves no reservation, and a retry opens the pull request", async () => {
    const id = await seedZombie(managed[2]!);
    await sandbox.injectFault({ api: "github", operation: "pulls.create", kind: "server-error", count: 4 });
    const failed = await post(id);
    expect(failed.status).toBe(502);
    expect(((await failed.json()) as { error: string }).error).toMatch(/pulls\.create/);
    expect(await database.prisma.pullRequest.count({ where: { items: { some: { recommendationId: id } } } })).toBe(0);
    expect(await database.prisma.pullRequestRecommendation.count({ where: { openKey: id } })).toBe(0);
    await sandbox.clearFaults();

    const retried = await post(id);
    expect(retried.status).toBe(201);
    const { number } = (await retried.json()) as { number: number };
    const pull = (await pullsOnGitHub("open")).find((p) => p.number === number)!;
    // the branch the failed attempt pushed is adopted, not duplicated
    const { owner, repo } = github.repository;
    const { data: refs } = await github.octokit.rest.git.listMatchingRefs({
      owner,
      repo,
      ref: `heads/${pull.head.ref}`,
    });
    expect(refs.map((r) => r.ref)).toEqual([`refs/heads/${pull.head.ref}`]);
  });

  it("refuses a resource Terraform does not manage, with the CLI command, and opens nothing", async () => {
    const id = await seedZombie(unmanaged);
    const before = (await pullsOnGitHub()).length;
    const response = await post(id);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { code: string; reason: string; cliCommand?: string };
    expect(body.code).toBe("not-managed");
    expect(body.reason).toContain(unmanaged.id);
    expect(body.cliCommand).toContain(unmanaged.id);
    expect((await pullsOnGitHub()).length).toBe(before);
    expect(await database.prisma.pullRequestRecommendation.count({ where: { recommendationId: id } })).toBe(0);
    const recommendation = await database.prisma.recommendation.findUniqueOrThrow({ where: { id } });
    expect(recommendation.status).toBe("OPEN");
  });

  it("answers 404, 400 and 409 for an unknown id, a malformed id and a dismissed recommendation", async () => {
    expect((await post("no-such-recommendation")).status).toBe(404);
    expect((await post("bad id!")).status).toBe(400);
    const id = await seedZombie(managed[3]!);
    await database.prisma.recommendation.update({ where: { id }, data: { status: "DISMISSED" } });
    expect((await post(id)).status).toBe(409);
    const badBatch = await batchRoute(
      new Request("http://localhost/api/pull-requests", { method: "POST", body: JSON.stringify({ ids: [] }) }),
    );
    expect(badBatch.status).toBe(400);
  });

  it("opens a new pull request once the previous one was closed", async () => {
    const id = await seedZombie(managed[4]!);
    const first = (await (await post(id)).json()) as { number: number };
    const { owner, repo } = github.repository;
    await github.octokit.rest.pulls.update({ owner, repo, pull_number: first.number, state: "closed" });
    // what tracking does on close: the row CLOSED, open_key released
    const row = await database.prisma.pullRequest.findFirstOrThrow({ where: { number: first.number } });
    await database.prisma.pullRequest.update({
      where: { id: row.id },
      data: { state: "CLOSED", closedAt: new Date() },
    });
    await database.prisma.pullRequestRecommendation.updateMany({
      where: { pullRequestId: row.id },
      data: { openKey: null },
    });

    const second = await post(id);
    expect(second.status).toBe(201);
    const { number } = (await second.json()) as { number: number };
    expect(number).not.toBe(first.number);
    const rows = await database.prisma.pullRequest.findMany({
      where: { items: { some: { recommendationId: id } } },
      select: { branch: true, state: true },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => r.state)).toEqual(["CLOSED", "OPEN"]);
    expect(rows[1]!.branch).toBe(`${rows[0]!.branch}-2`);
  });

  it("takes over a reservation left OPENING by a crashed process", async () => {
    const instance = managed[5]!;
    const id = await seedZombie(instance);
    const old = new Date(Date.now() - 10 * 60_000);
    await database.prisma.pullRequest.create({
      data: {
        repo: github.fullName,
        branch: "costlens/zombie-instance/crashed-attempt",
        title: "left behind",
        state: "OPENING",
        type: "ZOMBIE_INSTANCE",
        rootModule: "envs/prod",
        createdBy: "demo",
        projectedSaving: "140.16",
        createdAt: old,
        updatedAt: old,
        items: { create: [{ recommendationId: id, openKey: id, projectedSaving: "140.16" }] },
      },
    });
    // a fresh reservation is waited for, not taken over
    await expect(
      openPullRequest(deps({ waitMs: 300, pollMs: 50, staleMs: 60 * 60_000 }), { recommendationIds: [id], actor: "t" }),
    ).rejects.toMatchObject({ code: "BUSY" });
    const result = await openPullRequest(deps({ staleMs: 60_000 }), { recommendationIds: [id], actor: "engineer" });
    expect(result).toMatchObject({ state: "OPEN", created: true });
    const rows = await database.prisma.pullRequest.findMany({ where: { items: { some: { recommendationId: id } } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      state: "OPEN",
      number: result.number,
      branch: "costlens/zombie-instance/crashed-attempt",
    });
  });

  it("refuses a batch mixing types before touching anything", async () => {
    const volume = sandbox.ctx.org.volumes[0]!;
    const zombie = await seedZombie(unmanagedToo, "1");
    const orphan = await database.prisma.recommendation.create({
      data: {
        type: "ORPHAN_VOLUME",
        resourceId: volume.id,
        accountId: volume.accountId,
        region: volume.region,
        currentMonthlyCost: "1",
        projectedMonthlyCost: "0",
        monthlySaving: "1",
        evidence: {},
        evidenceHash: "h",
      },
    });
    const error = await openPullRequest(deps(), { recommendationIds: [zombie, orphan.id], actor: "t" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PullRequestError);
    expect((error as PullRequestError).refusal?.code).toBe("mixed-types");
  });
});

describe("batch mode", () => {
  it("opens one pull request for zombies of the same root module, which each of them then answers with", async () => {
    const index = (await loadStoredIndex(database.prisma, github.fullName))!;
    const spare = managed.slice(6);
    const rootOf = (instance: Ec2Instance) => index.entries[instance.id]!.rootModule;
    const pair = spare.flatMap((a, i) =>
      spare
        .slice(i + 1)
        .filter((b) => rootOf(a) === rootOf(b))
        .map((b) => [a, b]),
    )[0];
    expect(pair, "two terraform-managed zombies share a root module").toBeDefined();
    const ids = [await seedZombie(pair![0]!, "10.5"), await seedZombie(pair![1]!, "20.25")];
    const response = await batchRoute(
      new Request("http://localhost/api/pull-requests", {
        method: "POST",
        body: JSON.stringify({ recommendationIds: ids }),
      }),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { url: string; number: number; state: string };
    const { owner, repo } = github.repository;
    const { data: pull } = await github.octokit.rest.pulls.get({ owner, repo, pull_number: body.number });
    expect(pull.head.ref).toMatch(/^costlens\/zombie-instance\/batch-2-[0-9a-f]{10}$/);
    expect(pull.title).toBe(`CostLens: delete 2 zombie instances in ${rootOf(pair![0]!)} (saves $30.75/month)`);
    expect(pull.body).toContain("Plan: 0 to add, 0 to change, 2 to destroy.");
    for (const instance of pair!) expect(pull.body).toContain(`### \`${instance.id}\``);
    const row = await database.prisma.pullRequest.findFirstOrThrow({
      where: { number: body.number },
      select: { rootModule: true, projectedSaving: true, items: { select: { openKey: true } } },
    });
    expect(row.rootModule).toBe(rootOf(pair![0]!));
    expect(row.projectedSaving.toString()).toBe("30.75");
    expect(row.items.map((item) => item.openKey).sort()).toEqual([...ids].sort());
    // each recommendation alone is answered with the batch's pull request
    const single = await post(ids[1]!);
    expect(single.status).toBe(200);
    expect(await single.json()).toEqual(body);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a person has opened their share, and opens nothing", async () => {
    // never planned: the limit answers first, so any instance id will do
    const id = await seedZombie({ ...managed[0]!, id: "i-0ffffffffffffff01" }, "7.30");
    for (let i = 0; i < PULL_REQUEST_LIMIT.limit; i++) {
      expect((await hitRateLimit(database.prisma, PULL_REQUEST_LIMIT, "demo")).allowed).toBe(true);
    }
    const before = await database.prisma.pullRequest.count();
    const response = await post(id);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await database.prisma.pullRequest.count()).toBe(before);
  });
});

describe("the Terraform repository read through the GitHub API", () => {
  it("lists and reads the same .tf files as the local clone", async () => {
    const remote = new GitHubRepositorySource(github);
    const local = localGitRepositorySource(repoDir);
    const head = await remote.headCommit();
    expect(head).toEqual(await local.headCommit());
    const files = await remote.listFiles(head.sha);
    expect(files.length).toBeGreaterThan(10);
    expect(files).toEqual(await local.listFiles(head.sha));
    expect(await remote.readFile(head.sha, files[0]!)).toBe(await local.readFile(head.sha, files[0]!));
  });
});
