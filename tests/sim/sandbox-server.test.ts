// The sandbox server itself: refusing unsigned and mis-signed AWS requests as AWS does, the /_sim
// endpoints (truth, stats, faults, clock), and the environment it hands to CostLens.
import { CostExplorerClient, GetTagsCommand } from "@aws-sdk/client-cost-explorer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../sim/org/days";
import { startSandbox, type RunningSandbox } from "../../sim/server/start-sandbox";

const TODAY = "2026-11-25";
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ today: TODAY });
});
afterAll(() => sandbox.close());

const ceTarget = { "x-amz-target": "AWSInsightsIndexService.GetTags", "content-type": "application/x-amz-json-1.1" };

describe("sandbox server", () => {
  it("hands out the environment that points CostLens at it", () => {
    expect(sandbox.env).toMatchObject({
      AWS_ENDPOINT_URL: sandbox.url,
      AWS_REGION: "us-east-1",
      AWS_REGIONS: "us-east-1,us-west-2",
      OPENCOST_URL: `${sandbox.url}/opencost`,
      GITHUB_API_URL: `${sandbox.url}/github`,
      TERRAFORM_REPO: "acme-shop/infrastructure",
      TERRAFORM_STATE_BUCKET: "acme-terraform-state",
    });
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.env.TERRAFORM_REPO_DIR).toBe(sandbox.ctx.repoDir);
  });

  it("refuses an unsigned AWS request with MissingAuthenticationToken and 403", async () => {
    const response = await fetch(sandbox.url, { method: "POST", headers: ceTarget, body: "{}" });
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationToken");
    expect(((await response.json()) as { __type: string }).__type).toBe("MissingAuthenticationToken");
  });

  it("refuses a request signed with the wrong secret for the sandbox's key", async () => {
    const client = new CostExplorerClient({
      endpoint: sandbox.url,
      region: "us-east-1",
      maxAttempts: 1,
      credentials: { accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID ?? "", secretAccessKey: "not-the-secret" },
    });
    await expect(
      client.send(new GetTagsCommand({ TimePeriod: { Start: addDays(TODAY, -2), End: TODAY } })),
    ).rejects.toMatchObject({
      name: "SignatureDoesNotMatch",
      $metadata: { httpStatusCode: 403 },
    });
  });

  it("serves the ground truth with the headline figures", async () => {
    const truth = (await (await fetch(`${sandbox.url}/_sim/truth`)).json()) as {
      headline: { instances: number; zombieInstances: number };
      planted: Array<{ type: string; monthlySavingMicros: number }>;
      decoys: Array<{ looksLike: string }>;
    };
    expect(truth.headline.instances).toBe(340);
    expect(truth.planted.filter((p) => p.type === "zombie-instance")).toHaveLength(85);
    expect(truth.decoys.length).toBeGreaterThan(10);
  });

  it("counts requests per API and operation, and resets the counts", async () => {
    await fetch(`${sandbox.url}/_sim/stats/reset`, { method: "POST" });
    await fetch(`${sandbox.env.OPENCOST_URL}/allocation?window=yesterday`);
    await fetch(`${sandbox.env.OPENCOST_URL}/allocation?window=yesterday`);
    const stats = (await (await fetch(`${sandbox.url}/_sim/stats`)).json()) as {
      total: number;
      apis: Record<string, { total: number; operations: Record<string, number> }>;
    };
    expect(stats.total).toBe(2);
    expect(stats.apis.opencost).toEqual({ total: 2, operations: { allocation: 2 } });
  });

  it("validates queued faults, and applies and clears them", async () => {
    const bad = await fetch(`${sandbox.url}/_sim/faults`, {
      method: "POST",
      body: JSON.stringify({ api: "opencost", kind: "meltdown" }),
    });
    expect(bad.status).toBe(400);
    await fetch(`${sandbox.url}/_sim/faults`, {
      method: "POST",
      body: JSON.stringify({ api: "opencost", kind: "server-error", count: 2 }),
    });
    expect((await fetch(`${sandbox.env.OPENCOST_URL}/allocation?window=yesterday`)).status).toBe(500);
    await fetch(`${sandbox.url}/_sim/faults`, { method: "DELETE" });
    expect((await fetch(`${sandbox.env.OPENCOST_URL}/allocation?window=yesterday`)).status).toBe(200);
    await fetch(`${sandbox.url}/_sim/faults`, {
      method: "POST",
      body: JSON.stringify({ api: "opencost", kind: "throttle" }),
    });
    expect((await fetch(`${sandbox.env.OPENCOST_URL}/allocation?window=yesterday`)).status).toBe(429);
  });

  it("advances the clock, so restated days settle", async () => {
    const before = (await (await fetch(`${sandbox.url}/_sim/clock`)).json()) as { today: string };
    expect(before.today).toBe(sandbox.ctx.org.today);
    const refused = await fetch(`${sandbox.url}/_sim/clock`, {
      method: "POST",
      body: JSON.stringify({ advanceDays: -1 }),
    });
    expect(refused.status).toBe(400);
    const after = (await (
      await fetch(`${sandbox.url}/_sim/clock`, { method: "POST", body: JSON.stringify({ advanceDays: 2 }) })
    ).json()) as { today: string };
    expect(after.today).toBe(addDays(before.today, 2));
    expect(sandbox.ctx.org.today).toBe(after.today);
  });
});
