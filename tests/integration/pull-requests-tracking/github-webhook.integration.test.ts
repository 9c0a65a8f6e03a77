// GitHub webhooks into POST /api/github/webhook: the sandbox's GitHub delivers signed pull_request events to
// the route (through a small HTTP server in front of the handler), and closing, reopening and merging a
// tracked pull request move its row as the poller would. Bad signatures are refused; redeliveries change
// nothing.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Decimal } from "@/lib/db/decimal";
import { setDatabase } from "@/lib/db/prisma";
import { signWebhookBody } from "@/lib/git/webhook-signature";
import { POST } from "@/app/api/github/webhook/route";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { commitOnBranch, octokitFor, repo } from "../../sim/fixtures/github-sandbox";
import { trackPullRequest } from "../savings/savings-fixtures";

const SECRET = "sandbox-webhook-secret-0123456789";
let sandbox: TestSandbox;
let database: TestDatabase;
let octokit: Octokit;
let receiver: Server;
const delivered: { event: string; body: string; status: number }[] = [];

function request(body: string, headers: Record<string, string>): Request {
  return new Request("http://127.0.0.1/api/github/webhook", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

beforeAll(async () => {
  process.env.GITHUB_WEBHOOK_SECRET = SECRET;
  sandbox = await startTestSandbox({ seed: 42, scale: 1, months: 1 });
  database = await createTestDatabase();
  setDatabase(database);
  octokit = octokitFor(sandbox);
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(
        Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
      );
      void POST(request(body, headers)).then(async (response) => {
        delivered.push({ event: headers["x-github-event"] ?? "", body, status: response.status });
        res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
      });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/github/webhook`;
  await octokit.repos.createWebhook({
    ...repo,
    config: { url, content_type: "json", secret: SECRET },
    events: ["pull_request", "push"],
  });
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  await database?.drop();
  await sandbox?.close();
});

async function stateOf(pullRequestId: string) {
  return database.prisma.pullRequest.findUniqueOrThrow({
    where: { id: pullRequestId },
    select: {
      state: true,
      mergedAt: true,
      closedAt: true,
      items: { select: { openKey: true, recommendation: { select: { status: true } } } },
    },
  });
}

describe("POST /api/github/webhook", () => {
  it("applies closed, reopened and merged deliveries from GitHub to the tracked pull request", async () => {
    const branch = "costlens/webhook-tracked";
    await commitOnBranch(octokit, branch, "Tracked change", { "docs/tracked.md": "tracked\n" });
    const { data: pull } = await octokit.pulls.create({ ...repo, head: branch, base: "main", title: "Tracked" });
    const { pullRequestId, recommendationId } = await trackPullRequest(database.prisma, {
      pull,
      branch,
      environment: "production",
      resource: { id: null, resourceId: "i-0webhook000000001", accountId: "111111111111", region: "us-east-1" },
      projected: new Decimal("42.5"),
    });

    await octokit.pulls.update({ ...repo, pull_number: pull.number, state: "closed" });
    await vi.waitFor(async () => expect((await stateOf(pullRequestId)).state).toBe("CLOSED"), { timeout: 10_000 });
    expect(await stateOf(pullRequestId)).toMatchObject({
      items: [{ openKey: null, recommendation: { status: "OPEN" } }],
    });

    await octokit.pulls.update({ ...repo, pull_number: pull.number, state: "open" });
    await vi.waitFor(async () => expect((await stateOf(pullRequestId)).state).toBe("OPEN"), { timeout: 10_000 });
    expect(await stateOf(pullRequestId)).toMatchObject({
      closedAt: null,
      items: [{ openKey: recommendationId, recommendation: { status: "IN_PROGRESS" } }],
    });

    await octokit.pulls.merge({ ...repo, pull_number: pull.number });
    await vi.waitFor(async () => expect((await stateOf(pullRequestId)).state).toBe("MERGED"), { timeout: 10_000 });
    const merged = await stateOf(pullRequestId);
    expect(merged).toMatchObject({ items: [{ openKey: null, recommendation: { status: "IN_PROGRESS" } }] });
    expect(merged.mergedAt).not.toBeNull();

    const audit = await database.prisma.auditEvent.findMany({
      where: { entityType: "pull_request", entityId: pullRequestId },
      select: { action: true, actor: true },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => `${a.actor} ${a.action}`)).toEqual([
      "github pull_request.closed",
      "github pull_request.reopened",
      "github pull_request.merged",
    ]);
    await vi.waitFor(async () => {
      const { data: hooks } = await octokit.repos.listWebhooks(repo);
      expect(hooks[0]?.last_response.code).toBeGreaterThanOrEqual(200);
    });
    // every delivery was accepted: the tracked ones applied (200), the rest acknowledged (202)
    expect(delivered.every((d) => d.status === 200 || d.status === 202)).toBe(true);

    // A redelivery of the merge changes nothing and audits nothing.
    const closedDelivery = delivered.findLast((d) => d.event === "pull_request" && d.body.includes('"merged":true'));
    if (!closedDelivery) throw new Error("no merged delivery seen");
    const again = await POST(
      request(closedDelivery.body, {
        "x-github-event": "pull_request",
        "x-hub-signature-256": signWebhookBody(SECRET, closedDelivery.body),
      }),
    );
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ message: "already merged" });
    expect(await database.prisma.auditEvent.count({ where: { entityId: pullRequestId } })).toBe(3);
  }, 60_000);

  it("refuses a missing or wrong signature with 401 and changes nothing", async () => {
    const body = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
    const missing = await POST(request(body, { "x-github-event": "ping" }));
    expect(missing.status).toBe(401);
    const forged = await POST(
      request(body, {
        "x-github-event": "ping",
        "x-hub-signature-256": signWebhookBody("not-the-secret-at-all", body),
      }),
    );
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ message: "Missing or invalid X-Hub-Signature-256" });
    const tampered = await POST(
      request(`${body} `, { "x-github-event": "ping", "x-hub-signature-256": signWebhookBody(SECRET, body) }),
    );
    expect(tampered.status).toBe(401);
  });

  it("answers pings, acknowledges untracked events and refuses a signed body that is not an event", async () => {
    const signed = (event: string, body: string) =>
      POST(request(body, { "x-github-event": event, "x-hub-signature-256": signWebhookBody(SECRET, body) }));
    expect((await signed("ping", JSON.stringify({ zen: "ok" }))).status).toBe(200);
    expect((await signed("issues", JSON.stringify({ action: "opened" }))).status).toBe(202);
    const junk = await signed("pull_request", "{not json");
    expect(junk.status).toBe(400);
    expect(await junk.json()).toEqual({ message: "the body is not JSON" });
    expect((await signed("pull_request", JSON.stringify({ action: "closed" }))).status).toBe(400);
  });
});
