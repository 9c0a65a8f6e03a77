// Webhooks from the sandbox's GitHub: a hook created through Octokit gets a ping, then pull_request and push
// deliveries signed with X-Hub-Signature-256, as a CostLens webhook endpoint would receive them.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSandbox, type RunningSandbox } from "../../sim/server/start-sandbox";
import { commitOnBranch, octokitFor, repo } from "./fixtures/github-sandbox";

interface Delivery {
  event: string;
  signature: string;
  body: string;
  payload: { action?: string; ref?: string; pull_request?: { number: number; merged?: boolean } };
}

const secret = "webhook-secret";
const deliveries: Delivery[] = [];
const waiting: Array<{ match: (d: Delivery) => boolean; resolve: (d: Delivery) => void }> = [];
let receiver: Server;
let receiverUrl: string;
let sandbox: RunningSandbox;
let octokit: Octokit;

/** The first delivery (already received or still to come) that matches. */
function delivery(match: (d: Delivery) => boolean): Promise<Delivery> {
  const seen = deliveries.find(match);
  return seen ? Promise.resolve(seen) : new Promise((resolve) => waiting.push({ match, resolve }));
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const received: Delivery = {
        event: String(req.headers["x-github-event"]),
        signature: String(req.headers["x-hub-signature-256"]),
        body,
        payload: JSON.parse(body) as Delivery["payload"],
      };
      deliveries.push(received);
      for (const w of waiting.filter((w) => w.match(received))) w.resolve(received);
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/github/webhook`;
  sandbox = await startSandbox({ seed: 42, scale: 1, today: "2026-02-01" });
  octokit = octokitFor(sandbox);
});
afterAll(async () => {
  await sandbox.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe("GitHub webhooks", () => {
  it("pings a new hook and signs every delivery with the hook's secret", async () => {
    const { data: hook } = await octokit.repos.createWebhook({
      ...repo,
      config: { url: receiverUrl, content_type: "json", secret },
      events: ["pull_request", "push"],
    });
    expect(hook.config.secret).toBe("********");
    const ping = await delivery((d) => d.event === "ping");
    expect(ping.signature).toBe(`sha256=${createHmac("sha256", secret).update(ping.body).digest("hex")}`);
    await vi.waitFor(async () => {
      const { data: hooks } = await octokit.repos.listWebhooks(repo);
      expect(hooks[0]?.last_response.code).toBe(200);
    });
  });

  it("delivers opened, labeled and merged pull_request events and the push to main", async () => {
    await commitOnBranch(octokit, "costlens/hooked", "Hooked", { "docs/hooked.md": "hooked\n" });
    const { data: pull } = await octokit.pulls.create({
      ...repo,
      head: "costlens/hooked",
      base: "main",
      title: "Hooked",
    });
    await octokit.issues.addLabels({ ...repo, issue_number: pull.number, labels: ["costlens"] });
    const { data: merge } = await octokit.pulls.merge({ ...repo, pull_number: pull.number });
    const forPull = (action: string) => (d: Delivery) =>
      d.event === "pull_request" && d.payload.action === action && d.payload.pull_request?.number === pull.number;
    await delivery(forPull("opened"));
    await delivery(forPull("labeled"));
    const closed = await delivery(forPull("closed"));
    expect(closed.payload.pull_request?.merged).toBe(true);
    const push = await delivery((d) => d.event === "push");
    expect(push.payload).toMatchObject({ ref: "refs/heads/main", after: merge.sha });
    for (const d of deliveries)
      expect(d.signature).toBe(`sha256=${createHmac("sha256", secret).update(d.body).digest("hex")}`);
  });
});
