// The poller against the sandbox's GitHub: a tracked pull request closed without merging goes CLOSED, its
// recommendation back to OPEN (a dismissed one stays dismissed) and its open_key is freed so a new pull
// request can be opened; a second poll changes nothing; a reservation stuck in OPENING is only reported.
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Decimal } from "@/lib/db/decimal";
import { createGitHubClient } from "@/lib/git/github-client";
import { fetchPullWith, syncPullRequests } from "@/lib/savings/sync-pull-requests";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { commitOnBranch, octokitFor, repo } from "../../sim/fixtures/github-sandbox";
import { trackPullRequest } from "../savings/savings-fixtures";

let sandbox: TestSandbox;
let database: TestDatabase;
let octokit: Octokit;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: 42, scale: 1, months: 1 });
  database = await createTestDatabase();
  octokit = octokitFor(sandbox);
}, 120_000);

afterAll(async () => {
  await database?.drop();
  await sandbox?.close();
});

async function openTracked(name: string) {
  const branch = `costlens/${name}`;
  await commitOnBranch(octokit, branch, name, { [`docs/${name}.md`]: `${name}\n` });
  const { data: pull } = await octokit.pulls.create({ ...repo, head: branch, base: "main", title: name });
  const tracked = await trackPullRequest(database.prisma, {
    pull,
    branch,
    environment: "staging",
    resource: { id: null, resourceId: `i-0${name}`, accountId: "222222222222", region: "eu-west-1" },
    projected: new Decimal("10"),
  });
  return { ...tracked, number: pull.number };
}

describe("syncPullRequests", () => {
  it("closes and frees the key for a new pull request; idempotent; reports stuck reservations", async () => {
    const prisma = database.prisma;
    const closed = await openTracked("sync-closed");
    const dismissed = await openTracked("sync-dismissed");
    const stillOpen = await openTracked("sync-open");
    await octokit.pulls.update({ ...repo, pull_number: closed.number, state: "closed" });
    await octokit.pulls.update({ ...repo, pull_number: dismissed.number, state: "closed" });
    await prisma.recommendation.update({
      where: { id: dismissed.recommendationId },
      data: { status: "DISMISSED", dismissedReason: "kept on purpose", dismissedBy: "lead" },
    });
    const stuck = await prisma.pullRequest.create({
      data: {
        repo: `${repo.owner}/${repo.repo}`,
        branch: "costlens/stuck",
        title: "stuck",
        state: "OPENING",
        type: "ORPHAN_VOLUME",
        rootModule: "envs/staging",
        createdBy: "engineer@example.com",
        projectedSaving: new Decimal("1"),
        createdAt: new Date(Date.now() - 30 * 60_000),
        updatedAt: new Date(Date.now() - 30 * 60_000),
      },
      select: { id: true },
    });

    const fetchPull = fetchPullWith(createGitHubClient());
    const first = await syncPullRequests(prisma, { fetchPull });
    expect(first.checked).toBe(3);
    expect(first.failed).toEqual([]);
    expect(first.changed.map((c) => c.pullRequestId).sort()).toEqual(
      [closed.pullRequestId, dismissed.pullRequestId].sort(),
    );
    expect(first.staleOpening.map((s) => s.pullRequestId)).toEqual([stuck.id]);

    const rows = await prisma.pullRequest.findMany({
      where: { id: { in: [closed.pullRequestId, dismissed.pullRequestId, stillOpen.pullRequestId] } },
      select: {
        id: true,
        state: true,
        closedAt: true,
        lastSyncedAt: true,
        items: { select: { openKey: true, recommendation: { select: { status: true } } } },
      },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(closed.pullRequestId)).toMatchObject({
      state: "CLOSED",
      items: [{ openKey: null, recommendation: { status: "OPEN" } }],
    });
    expect(byId.get(closed.pullRequestId)?.closedAt).not.toBeNull();
    expect(byId.get(dismissed.pullRequestId)).toMatchObject({
      state: "CLOSED",
      items: [{ openKey: null, recommendation: { status: "DISMISSED" } }],
    });
    expect(byId.get(stillOpen.pullRequestId)).toMatchObject({
      state: "OPEN",
      items: [{ openKey: stillOpen.recommendationId, recommendation: { status: "IN_PROGRESS" } }],
    });
    expect(byId.get(stillOpen.pullRequestId)?.lastSyncedAt).not.toBeNull();

    // the freed key lets a new pull request hold the same recommendation
    await prisma.pullRequest.create({
      data: {
        repo: `${repo.owner}/${repo.repo}`,
        branch: "costlens/sync-closed-again",
        title: "again",
        state: "OPENING",
        type: "ZOMBIE_INSTANCE",
        rootModule: "envs/staging",
        createdBy: "engineer@example.com",
        projectedSaving: new Decimal("10"),
        items: {
          create: {
            recommendationId: closed.recommendationId,
            openKey: closed.recommendationId,
            projectedSaving: new Decimal("10"),
          },
        },
      },
      select: { id: true },
    });

    const second = await syncPullRequests(prisma, { fetchPull });
    expect(second).toMatchObject({ checked: 1, changed: [], failed: [] });
    expect(await prisma.auditEvent.count({ where: { entityType: "pull_request" } })).toBe(2);
  }, 60_000);

  it("records a failed fetch per pull request and goes on with the rest", async () => {
    const tracked = await openTracked("sync-failing");
    const summary = await syncPullRequests(database.prisma, {
      fetchPull: async (repoName, number) => {
        if (number === tracked.number) throw new Error("pulls.get: HTTP 502");
        return fetchPullWith(createGitHubClient())(repoName, number);
      },
    });
    expect(summary.failed).toEqual([
      {
        pullRequestId: tracked.pullRequestId,
        error: `${repo.owner}/${repo.repo}#${tracked.number}: pulls.get: HTTP 502`,
      },
    ]);
    expect(summary.checked).toBe(2);
  }, 60_000);
});
