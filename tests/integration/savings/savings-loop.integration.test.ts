// The savings loop against the sandbox: "Open Terraform PR" on a zombie's recommendation (the route the
// button calls) opens the pull request deleting its resource block, which is merged through the API (the
// sandbox applies it: the instance is destroyed on the merge day); the pull-requests job syncs it (MERGED,
// open_key cleared); the real inventory and Cost Explorer ingests then show the instance gone (RESOLVED) and,
// once enough settled days follow, the drop on the bill (REALISED, with the figure the rule gives on the
// sandbox's own final costs).
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as openPullRequestRoute } from "@/app/api/recommendations/[id]/pull-request/route";
import { Decimal } from "@/lib/db/decimal";
import { setDatabase } from "@/lib/db/prisma";
import { addDays, todayUtc } from "@/lib/format/dates";
import { runJob } from "@/lib/jobs/run-job";
import { costGroupOf } from "@/lib/savings/cost-group";
import { AFTER_DAYS, BEFORE_DAYS } from "@/lib/savings/realisation-rule";
import { pullRequestsJob } from "@/jobs/pull-requests";
import { finalCostLinesForDay } from "@/sim/org/costs";
import type { PlantedWaste } from "@/sim/org/model";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { sandboxJobs } from "../allocation/ingest-sandbox";
import { octokitFor, repo } from "../../sim/fixtures/github-sandbox";
import { plainStateResource, seedZombieRecommendation } from "./savings-fixtures";

// The sandbox stamps merged_at with the wall clock and destroys on its own today: they must agree.
const MERGE_DAY = todayUtc();
let sandbox: TestSandbox;
let database: TestDatabase;
let octokit: Octokit;

async function ingest(today: string) {
  for (const job of sandboxJobs(sandbox, today).filter((j) => j.name !== "opencost")) {
    const result = await runJob(database.prisma, job, { trigger: "cli", holder: "test" });
    expect(result.status, `${job.name} on ${today}`).toBe("SUCCEEDED");
  }
}

async function syncAndTrack() {
  const result = await runJob(database.prisma, pullRequestsJob, { trigger: "cli", holder: "test" });
  expect(result).toMatchObject({ status: "SUCCEEDED" });
}

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: 42, scale: 1, months: 2, today: MERGE_DAY });
  database = await createTestDatabase();
  setDatabase(database);
  octokit = octokitFor(sandbox);
  await ingest(MERGE_DAY);
}, 300_000);

afterAll(async () => {
  await database?.drop();
  await sandbox?.close();
});

describe("from merged pull request to realised saving", () => {
  it("syncs the merge, resolves when the instance leaves inventory, realises the drop on settled days", async () => {
    const prisma = database.prisma;
    const org = sandbox.ctx.org;
    const truth = (await sandbox.control("GET", "/_sim/truth")) as { planted: PlantedWaste[] };
    const zombie = truth.planted
      .filter((p) => p.type === "zombie-instance")
      .map((p) => ({ planted: p, state: plainStateResource(org, "aws_instance", p.resourceId) }))
      .find((z) => z.state !== undefined);
    if (!zombie?.state) throw new Error("no zombie declared by a plain root-level block");
    const resource = await prisma.resource.findFirstOrThrow({
      where: { kind: "EC2_INSTANCE", resourceId: zombie.planted.resourceId },
      select: { id: true, kind: true, resourceId: true, accountId: true, region: true, teamTag: true },
    });
    const projected = new Decimal(zombie.planted.monthlySavingMicros).div(1_000_000);

    const recommendationId = await seedZombieRecommendation(prisma, resource, projected);
    const opened = await openPullRequestRoute(
      new Request(`http://127.0.0.1/api/recommendations/${recommendationId}/pull-request`, { method: "POST" }),
      { params: Promise.resolve({ id: recommendationId }) },
    );
    expect(opened.status).toBe(201);
    const pull = (await opened.json()) as { number: number };
    const { id: pullRequestId } = await prisma.pullRequest.findFirstOrThrow({
      where: { number: pull.number },
      select: { id: true },
    });
    expect((await prisma.recommendation.findUniqueOrThrow({ where: { id: recommendationId } })).status).toBe(
      "IN_PROGRESS",
    );

    await octokit.pulls.merge({ ...repo, pull_number: pull.number, merge_method: "squash" });
    await syncAndTrack();
    const merged = await prisma.pullRequest.findUniqueOrThrow({
      where: { id: pullRequestId },
      select: { state: true, mergedAt: true, mergeCommitSha: true, items: { select: { openKey: true } } },
    });
    expect(merged).toMatchObject({ state: "MERGED", items: [{ openKey: null }] });
    expect(merged.mergeCommitSha).toMatch(/^[0-9a-f]{40}$/);
    const audit = await prisma.auditEvent.findMany({
      where: { entityId: pullRequestId },
      select: { action: true, actor: true },
    });
    // the click (by the demo user: sign-in is off here), then GitHub's merge
    expect(audit.filter((event) => event.actor === "github")).toEqual([
      { action: "pull_request.merged", actor: "github" },
    ]);
    expect(audit.filter((event) => event.actor === "demo")).toHaveLength(1);
    // not resolved before the inventory has seen the instance go
    expect((await prisma.recommendation.findUniqueOrThrow({ where: { id: recommendationId } })).status).toBe(
      "IN_PROGRESS",
    );

    await ingest(MERGE_DAY);
    await syncAndTrack();
    const resolved = await prisma.recommendation.findUniqueOrThrow({ where: { id: recommendationId } });
    expect(resolved.status).toBe("RESOLVED");

    // Four days on, the days after the merge are still estimated: nothing is realised on them.
    await sandbox.advanceDays(4);
    await ingest(addDays(MERGE_DAY, 4));
    await syncAndTrack();
    expect((await prisma.recommendation.findUniqueOrThrow({ where: { id: recommendationId } })).status).toBe(
      "RESOLVED",
    );

    await sandbox.advanceDays(4);
    await ingest(addDays(MERGE_DAY, 8));
    await syncAndTrack();
    const realised = await prisma.pullRequest.findUniqueOrThrow({
      where: { id: pullRequestId },
      select: { realisedSaving: true, realisedAt: true, items: { select: { realisedSaving: true } } },
    });
    expect((await prisma.recommendation.findUniqueOrThrow({ where: { id: recommendationId } })).status).toBe(
      "REALISED",
    );

    // The expected figure, from the sandbox's own final bill: the group's mean before the merge day minus its
    // mean over the settled days after it (the merge day +1 .. +4 at today = merge day + 8), capped.
    const group = costGroupOf(resource)!;
    const groupDaily = (day: string) =>
      finalCostLinesForDay(org, day)
        .filter(
          (l) =>
            l.accountId === group.accountId &&
            (l.tags.team ?? "") === group.teamTag &&
            group.lines.some(
              (line) =>
                line.service === l.service &&
                (line.usageGroup === "NAT Gateway") === l.usageType.includes("NatGateway"),
            ),
        )
        .reduce((sum, l) => sum.add(new Decimal(l.unblendedMicros).div(1_000_000)), new Decimal(0));
    const mean = (days: string[]) => days.reduce((s, d) => s.add(groupDaily(d)), new Decimal(0)).div(days.length);
    const before = Array.from({ length: BEFORE_DAYS }, (_, i) => addDays(MERGE_DAY, -BEFORE_DAYS + i));
    const after = [1, 2, 3, 4].map((i) => addDays(MERGE_DAY, i));
    expect(after.length).toBeLessThanOrEqual(AFTER_DAYS);
    const expected = Decimal.min(projected, mean(before).sub(mean(after)).mul(730).div(24));
    console.info(
      `zombie ${zombie.planted.resourceId}: projected ${projected.toFixed(2)}, realised ${realised.realisedSaving?.toFixed(2)} USD/month`,
    );
    expect(realised.items[0]?.realisedSaving?.toFixed(6)).toBe(expected.toFixed(6));
    expect(realised.realisedSaving?.toFixed(6)).toBe(expected.toFixed(6));
    expect(realised.realisedAt).not.toBeNull();
    // the figure is the zombie's own cost, not noise: at least 90% of what was projected
    expect(realised.realisedSaving!.div(projected).toNumber()).toBeGreaterThan(0.9);
  }, 600_000);
});
