// Contract tests for the sandbox's Cost Explorer, driven by the official @aws-sdk/client-cost-explorer:
// paging, tag group keys, filters, error shapes, restated days and fault injection.
import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
  GetDimensionValuesCommand,
  GetRightsizingRecommendationCommand,
  GetTagsCommand,
  type GetCostAndUsageCommandInput,
} from "@aws-sdk/client-cost-explorer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { costLinesForDay } from "../../sim/org/costs";
import { addDays } from "../../sim/org/days";
import { startSandbox, type RunningSandbox } from "../../sim/server/start-sandbox";
import { allPages, amountMicros, costExplorerClient, queueSandboxFault } from "./fixtures/cost-explorer";

const TODAY = "2026-11-25";
let sandbox: RunningSandbox;
let ce: CostExplorerClient;

beforeAll(async () => {
  sandbox = await startSandbox({ today: TODAY });
  ce = costExplorerClient(sandbox);
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/_sim/faults`, { method: "DELETE" });
});

const lastWeek = (extra: Partial<GetCostAndUsageCommandInput> = {}): GetCostAndUsageCommandInput => ({
  TimePeriod: { Start: addDays(TODAY, -7), End: TODAY },
  Granularity: "DAILY",
  Metrics: ["UnblendedCost"],
  ...extra,
});

async function rejection(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}

describe("GetCostAndUsage", () => {
  it("pages a 13-month DAILY request grouped by two keys through NextPageToken, without gaps or repeats", async () => {
    const { org } = sandbox.ctx;
    const pages = await allPages(ce, {
      TimePeriod: { Start: org.start, End: TODAY },
      Granularity: "DAILY",
      Metrics: ["UnblendedCost"],
      GroupBy: [
        { Type: "DIMENSION", Key: "SERVICE" },
        { Type: "TAG", Key: "team" },
      ],
    });
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const days = pages.flatMap((p) => (p.ResultsByTime ?? []).map((r) => r.TimePeriod?.Start));
    const expectedDays: string[] = [];
    for (let day = org.start; day < TODAY; day = addDays(day, 1)) expectedDays.push(day);
    expect(days).toEqual(expectedDays);
    expect(pages[0]?.GroupDefinitions).toEqual([
      { Type: "DIMENSION", Key: "SERVICE" },
      { Type: "TAG", Key: "team" },
    ]);
  });

  it("keys tag groups as team$<value>, and team$ for untagged spend", async () => {
    const [page] = await allPages(ce, lastWeek({ GroupBy: [{ Type: "TAG", Key: "team" }] }));
    const keys = new Set((page?.ResultsByTime ?? []).flatMap((r) => (r.Groups ?? []).map((g) => g.Keys?.[0])));
    expect(keys).toContain("team$checkout");
    expect(keys).toContain("team$platform");
    expect(keys).toContain("team$");
    expect([...keys].every((k) => k?.startsWith("team$"))).toBe(true);
    expect(page?.ResultsByTime?.[0]?.Total).toEqual({});
  });

  it("filters by dimension, by tag, by absent tag, and combines with And, Or and Not", async () => {
    const total = async (filter?: GetCostAndUsageCommandInput["Filter"]) => {
      const [page] = await allPages(ce, lastWeek({ Granularity: "MONTHLY", ...(filter ? { Filter: filter } : {}) }));
      return (page?.ResultsByTime ?? []).reduce((sum, r) => sum + amountMicros(r.Total?.UnblendedCost?.Amount), 0);
    };
    const all = await total();
    const compute = await total({ Dimensions: { Key: "SERVICE", Values: ["Amazon Elastic Compute Cloud - Compute"] } });
    const notCompute = await total({
      Not: { Dimensions: { Key: "SERVICE", Values: ["Amazon Elastic Compute Cloud - Compute"] } },
    });
    expect(compute + notCompute).toBe(all);
    const tagged = await total({ Tags: { Key: "team", Values: ["checkout", "payments"] } });
    const checkout = await total({ Tags: { Key: "team", Values: ["checkout"] } });
    const payments = await total({ Tags: { Key: "team", Values: ["payments"] } });
    expect(checkout + payments).toBe(tagged);
    const either = await total({
      Or: [{ Tags: { Key: "team", Values: ["checkout"] } }, { Tags: { Key: "team", Values: ["payments"] } }],
    });
    expect(either).toBe(tagged);
    const untagged = await total({ Tags: { Key: "team", MatchOptions: ["ABSENT"] } });
    expect(untagged).toBeGreaterThan(0);
    const both = await total({
      And: [
        { Tags: { Key: "team", Values: ["checkout"] } },
        { Dimensions: { Key: "SERVICE", Values: ["Amazon Elastic Compute Cloud - Compute"] } },
      ],
    });
    expect(both).toBeGreaterThan(0);
    expect(both).toBeLessThan(checkout);
  });

  it("serves every metric as an exact decimal string and marks restated days Estimated", async () => {
    const [page] = await allPages(
      ce,
      lastWeek({ Metrics: ["UnblendedCost", "AmortizedCost", "NetUnblendedCost", "UsageQuantity"] }),
    );
    const results = page?.ResultsByTime ?? [];
    const estimated = results.filter((r) => r.Estimated).map((r) => r.TimePeriod?.Start);
    expect(estimated).toEqual([addDays(TODAY, -3), addDays(TODAY, -2), addDays(TODAY, -1)]);
    for (const result of results) {
      const amount = result.Total?.UnblendedCost?.Amount ?? "";
      expect(amount).toMatch(/^\d+(\.\d{1,6})?$/);
      expect(result.Total?.UsageQuantity?.Unit).toBe("N/A");
      const day = result.TimePeriod?.Start ?? "";
      expect(amountMicros(amount)).toBe(
        costLinesForDay(sandbox.ctx.org, day).reduce((sum, l) => sum + l.unblendedMicros, 0),
      );
    }
  });

  it("clips End to today, as End is exclusive and today has no data yet", async () => {
    const [page] = await allPages(ce, {
      TimePeriod: { Start: addDays(TODAY, -2), End: addDays(TODAY, 5) },
      Granularity: "DAILY",
      Metrics: ["UnblendedCost"],
    });
    expect(page?.ResultsByTime?.map((r) => r.TimePeriod)).toEqual([
      { Start: addDays(TODAY, -2), End: addDays(TODAY, -1) },
      { Start: addDays(TODAY, -1), End: TODAY },
    ]);
  });

  it("answers bad input with ValidationException and periods without data with DataUnavailableException", async () => {
    const cases: Array<[GetCostAndUsageCommandInput, string]> = [
      [lastWeek({ Granularity: "HOURLY" }), "ValidationException"],
      [lastWeek({ Metrics: ["Dollars"] }), "ValidationException"],
      [lastWeek({ GroupBy: [{ Type: "DIMENSION", Key: "PLANET" }] }), "ValidationException"],
      [
        lastWeek({
          GroupBy: [
            { Type: "TAG", Key: "a" },
            { Type: "TAG", Key: "b" },
            { Type: "TAG", Key: "c" },
          ],
        }),
        "ValidationException",
      ],
      [lastWeek({ TimePeriod: { Start: TODAY, End: addDays(TODAY, -3) } }), "ValidationException"],
      [lastWeek({ TimePeriod: { Start: "2026/11/01", End: TODAY } }), "ValidationException"],
      [lastWeek({ Filter: { And: [{ Tags: { Key: "team", Values: ["x"] } }] } }), "ValidationException"],
      [lastWeek({ TimePeriod: { Start: "2019-01-01", End: "2019-02-01" } }), "DataUnavailableException"],
      [lastWeek({ NextPageToken: "not-a-token" }), "InvalidNextTokenException"],
    ];
    for (const [input, name] of cases) {
      const error = await rejection(ce.send(new GetCostAndUsageCommand(input)));
      expect(error.name, JSON.stringify(input)).toBe(name);
      expect(error.$metadata?.httpStatusCode).toBe(400);
      expect(error.message.length).toBeGreaterThan(0);
    }
  });
});

describe("the other Cost Explorer operations", () => {
  it("lists dimension values with account names, and tag keys and values", async () => {
    const period = { Start: addDays(TODAY, -30), End: TODAY };
    const accounts = await ce.send(new GetDimensionValuesCommand({ TimePeriod: period, Dimension: "LINKED_ACCOUNT" }));
    expect(accounts.TotalSize).toBe(sandbox.ctx.org.accounts.length);
    expect(
      accounts.DimensionValues?.every(
        (v) => /^\d{12}$/.test(v.Value ?? "") && v.Attributes?.description?.startsWith("shop-"),
      ),
    ).toBe(true);
    const services = await ce.send(
      new GetDimensionValuesCommand({ TimePeriod: period, Dimension: "SERVICE", SearchString: "elastic compute" }),
    );
    expect(services.DimensionValues?.map((v) => v.Value)).toContain("Amazon Elastic Compute Cloud - Compute");
    const keys = await ce.send(new GetTagsCommand({ TimePeriod: period }));
    expect(keys.Tags).toEqual(expect.arrayContaining(["team", "environment", "cost-centre"]));
    const teams = await ce.send(new GetTagsCommand({ TimePeriod: period, TagKey: "team" }));
    expect(teams.Tags).toHaveLength(12);
  });

  it("forecasts from the recent run rate, and refuses a forecast that starts in the past", async () => {
    const forecast = await ce.send(
      new GetCostForecastCommand({
        TimePeriod: { Start: TODAY, End: addDays(TODAY, 30) },
        Metric: "UNBLENDED_COST",
        Granularity: "MONTHLY",
      }),
    );
    const total = amountMicros(forecast.Total?.Amount);
    expect(total / 1e6).toBeGreaterThan(200_000);
    expect(total / 1e6).toBeLessThan(350_000);
    const past = await rejection(
      ce.send(
        new GetCostForecastCommand({
          TimePeriod: { Start: addDays(TODAY, -3), End: TODAY },
          Metric: "UNBLENDED_COST",
          Granularity: "DAILY",
        }),
      ),
    );
    expect(past.name).toBe("ValidationException");
  });

  it("recommends rightsizing from the planted waste, paging through NextPageToken", async () => {
    const planted = sandbox.ctx.org.planted.filter((p) => p.type === "rightsizing" || p.type === "zombie-instance");
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await ce.send(
        new GetRightsizingRecommendationCommand({
          Service: "AmazonEC2",
          PageSize: 40,
          NextPageToken: token,
          Configuration: { RecommendationTarget: "CROSS_INSTANCE_FAMILY", BenefitsConsidered: false },
        }),
      );
      for (const r of page.RightsizingRecommendations ?? []) ids.push(r.CurrentInstance?.ResourceId ?? "");
      const graviton = (page.RightsizingRecommendations ?? []).filter((r) =>
        r.CurrentInstance?.Tags?.some((t) => t.Key === "arm-ready"),
      );
      for (const r of graviton)
        expect(
          r.ModifyRecommendationDetail?.TargetInstances?.[0]?.ResourceDetails?.EC2ResourceDetails?.InstanceType,
        ).toMatch(/g\./);
      token = page.NextPageToken;
    } while (token);
    expect(ids.sort()).toEqual(planted.map((p) => p.resourceId).sort());
  });
});

describe("fault injection through the official client", () => {
  it("retries a throttled call and succeeds", async () => {
    const retrying = costExplorerClient(sandbox, 3);
    await queueSandboxFault(sandbox.url, {
      api: "costexplorer",
      operation: "GetCostAndUsage",
      kind: "throttle",
      count: 1,
    });
    const before = (await (await fetch(`${sandbox.url}/_sim/stats`)).json()) as {
      apis: Record<string, { operations: Record<string, number> }>;
    };
    const result = await retrying.send(new GetCostAndUsageCommand(lastWeek()));
    expect(result.ResultsByTime?.length).toBe(7);
    const after = (await (await fetch(`${sandbox.url}/_sim/stats`)).json()) as {
      apis: Record<string, { operations: Record<string, number> }>;
    };
    const count = (s: typeof before) => s.apis.costexplorer?.operations.GetCostAndUsage ?? 0;
    expect(count(after) - count(before)).toBe(2);
  });

  it("surfaces a throttle as ThrottlingException when retries are off", async () => {
    await queueSandboxFault(sandbox.url, {
      api: "costexplorer",
      operation: "GetCostAndUsage",
      kind: "throttle",
      count: 1,
    });
    const error = await rejection(ce.send(new GetCostAndUsageCommand(lastWeek())));
    expect(error.name).toBe("ThrottlingException");
  });

  it("surfaces a 5xx as InternalFailure with status 500", async () => {
    await queueSandboxFault(sandbox.url, { api: "costexplorer", operation: "*", kind: "server-error", count: 1 });
    const error = await rejection(ce.send(new GetCostAndUsageCommand(lastWeek())));
    expect(error.name).toBe("InternalFailure");
    expect(error.$metadata?.httpStatusCode).toBe(500);
  });

  it("surfaces a malformed body as a parse error", async () => {
    await queueSandboxFault(sandbox.url, {
      api: "costexplorer",
      operation: "GetCostAndUsage",
      kind: "malformed",
      count: 1,
    });
    const error = await rejection(ce.send(new GetCostAndUsageCommand(lastWeek())));
    expect(`${error.name} ${error.message}`).toMatch(/JSON|Deserializ|parse|Unexpected/i);
    const healthy = await ce.send(new GetCostAndUsageCommand(lastWeek()));
    expect(healthy.ResultsByTime?.length).toBe(7);
  });

  it("answers slowly when asked to", async () => {
    await queueSandboxFault(sandbox.url, {
      api: "costexplorer",
      operation: "GetTags",
      kind: "slow",
      count: 1,
      delayMs: 300,
    });
    const started = Date.now();
    await ce.send(new GetTagsCommand({ TimePeriod: { Start: addDays(TODAY, -2), End: TODAY } }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
