// The sandbox's Cost Explorer prices only the cost sources a request can match (candidate-sources.ts) and
// stops pricing a source once a listing holds its value (period-scan.ts). Both are shortcuts: every answer
// must be byte-identical to the straightforward path, which prices every source of the organisation on
// every day and tests each line. That path is the same handlers with the two shortcuts mocked away.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { compileFilter } from "../../sim/apis/aws/cost-explorer/filter";
import { candidateSources } from "../../sim/apis/aws/cost-explorer/candidate-sources";
import { getCostAndUsage } from "../../sim/apis/aws/cost-explorer/get-cost-and-usage";
import { getCostForecast } from "../../sim/apis/aws/cost-explorer/get-cost-forecast";
import { getDimensionValues } from "../../sim/apis/aws/cost-explorer/get-dimension-values";
import { getTags } from "../../sim/apis/aws/cost-explorer/get-tags";
import type { Json } from "../../sim/apis/aws/cost-explorer/input";
import { costSources } from "../../sim/org/cost-sources";
import { addDays } from "../../sim/org/days";
import { generateOrganisation } from "../../sim/org/generate-organisation";
import type { Organisation } from "../../sim/org/model";
import { withTypeChange } from "../../sim/terraform/type-history";

type Handler = (input: Json, org: Organisation) => Json;
interface Handlers {
  getCostAndUsage: Handler;
  getDimensionValues: Handler;
  getTags: Handler;
  getCostForecast: Handler;
}

const TODAY = "2026-11-20";
const RESIZE_DAY = addDays(TODAY, -20);
let org: Organisation;
let straightforward: Handlers;

async function straightforwardHandlers(): Promise<Handlers> {
  vi.resetModules();
  vi.doMock("../../sim/apis/aws/cost-explorer/candidate-sources", async () => {
    const sources = await import("../../sim/org/cost-sources");
    return { candidateSources: (o: Organisation) => sources.costSources(o) };
  });
  vi.doMock("../../sim/apis/aws/cost-explorer/period-scan", async (importOriginal) => {
    const original = await importOriginal<typeof import("../../sim/apis/aws/cost-explorer/period-scan")>();
    // Without `needed`: every line of the period is visited.
    const scanPeriod: typeof original.scanPeriod = (input, o, visit) => original.scanPeriod(input, o, visit);
    return { ...original, scanPeriod };
  });
  const handlers = {
    ...(await import("../../sim/apis/aws/cost-explorer/get-cost-and-usage")),
    ...(await import("../../sim/apis/aws/cost-explorer/get-dimension-values")),
    ...(await import("../../sim/apis/aws/cost-explorer/get-tags")),
    ...(await import("../../sim/apis/aws/cost-explorer/get-cost-forecast")),
  };
  vi.doUnmock("../../sim/apis/aws/cost-explorer/candidate-sources");
  vi.doUnmock("../../sim/apis/aws/cost-explorer/period-scan");
  return handlers;
}

beforeAll(async () => {
  org = generateOrganisation({ seed: 42, scale: 1, months: 13, today: TODAY });
  // Resized resources bill under another usage type and instance type from RESIZE_DAY on, so USAGE_TYPE and
  // INSTANCE_TYPE filters cannot be judged on their sources alone.
  const instance = org.instances.find((i) => i.state === "running" && i.instanceType === "m5.2xlarge");
  const db = org.dbInstances.find((d) => d.goneDay === undefined && d.instanceClass === "db.r5.2xlarge");
  if (!instance || !db) throw new Error("the scale-1 organisation has no running m5.2xlarge or db.r5.2xlarge");
  instance.typeHistory = withTypeChange(undefined, instance.instanceType, instance.launchDay, "m5.xlarge", RESIZE_DAY);
  db.classHistory = withTypeChange(undefined, db.instanceClass, db.createDay, "db.r5.xlarge", RESIZE_DAY);
  straightforward = await straightforwardHandlers();
}, 120_000);

const account = (n: number) => ({ Dimensions: { Key: "LINKED_ACCOUNT", Values: [org.accounts[n]?.id ?? ""] } });
const dimension = (Key: string, Values: string[], MatchOptions?: string[]) => ({
  Dimensions: { Key, Values, ...(MatchOptions ? { MatchOptions } : {}) },
});
const tag = (Key: string, Values: string[], MatchOptions?: string[]) => ({
  Tags: { Key, Values, ...(MatchOptions ? { MatchOptions } : {}) },
});
const teamAbsent = { Tags: { Key: "team", MatchOptions: ["ABSENT"] } };
const natTypes = ["NatGateway-Hours", "NatGateway-Bytes", "USW2-NatGateway-Bytes"];

const FILTERS: Record<string, () => Json> = {
  LINKED_ACCOUNT: () => account(0),
  "two accounts": () => dimension("LINKED_ACCOUNT", [org.accounts[1]?.id ?? "", org.accounts[2]?.id ?? ""]),
  "account and team ABSENT (the ingest's untagged request)": () => ({ And: [account(0), teamAbsent] }),
  "account, EC2 - Other and NAT usage types (the NAT usage-group request)": () => ({
    And: [account(0), dimension("SERVICE", ["EC2 - Other"]), dimension("USAGE_TYPE", natTypes, ["EQUALS"])],
  }),
  "USAGE_TYPE of a resized instance, before and after": () =>
    dimension("USAGE_TYPE", ["BoxUsage:m5.2xlarge", "BoxUsage:m5.xlarge", "USW2-BoxUsage:m5.xlarge"]),
  "INSTANCE_TYPE of a resized database": () => dimension("INSTANCE_TYPE", ["db.r5.xlarge"]),
  "Not an account": () => ({ Not: account(0) }),
  "Or of an account and a service": () => ({
    Or: [account(3), dimension("SERVICE", ["Amazon Relational Database Service"])],
  }),
  "Or of two accounts": () => ({ Or: [account(1), account(4)] }),
  "And of accounts that exclude each other": () => ({ And: [account(1), account(2)] }),
  "account CASE_INSENSITIVE": () => dimension("LINKED_ACCOUNT", [org.accounts[0]?.id ?? ""], ["CASE_INSENSITIVE"]),
  "account STARTS_WITH": () => dimension("LINKED_ACCOUNT", ["27"], ["STARTS_WITH"]),
  SERVICE: () => dimension("SERVICE", ["EC2 - Other", "Amazon Elastic Compute Cloud - Compute"]),
  "REGION and RECORD_TYPE": () => ({ And: [dimension("REGION", ["us-west-2"]), dimension("RECORD_TYPE", ["Usage"])] }),
  "tag values, with the empty value": () => tag("team", ["checkout", ""]),
  "tag CONTAINS CASE_INSENSITIVE": () => tag("environment", ["PROD"], ["CONTAINS", "CASE_INSENSITIVE"]),
  "Not of a tag ABSENT inside an And": () => ({ And: [account(0), { Not: tag("cost-centre", [], ["ABSENT"]) }] }),
  "USAGE_TYPE CONTAINS NatGateway": () => dimension("USAGE_TYPE", ["natgateway"], ["CONTAINS", "CASE_INSENSITIVE"]),
};

const GROUPINGS: Record<string, Json[]> = {
  "SERVICE and TAG team": [
    { Type: "DIMENSION", Key: "SERVICE" },
    { Type: "TAG", Key: "team" },
  ],
  "TAG team and TAG cost-centre": [
    { Type: "TAG", Key: "team" },
    { Type: "TAG", Key: "cost-centre" },
  ],
  "LINKED_ACCOUNT and USAGE_TYPE": [
    { Type: "DIMENSION", Key: "LINKED_ACCOUNT" },
    { Type: "DIMENSION", Key: "USAGE_TYPE" },
  ],
  INSTANCE_TYPE: [{ Type: "DIMENSION", Key: "INSTANCE_TYPE" }],
  none: [],
};

/** Follows NextPageToken to the end; every page must be byte-identical. */
function expectSamePages(handler: keyof Handlers, input: Json, optimised: Handler): number {
  let pages = 0;
  let token: unknown;
  do {
    const page = { ...input, ...(token ? { NextPageToken: token } : {}) };
    const expected = JSON.stringify(straightforward[handler](page, org));
    const actual = JSON.stringify(optimised(page, org));
    expect(actual).toBe(expected);
    token = (JSON.parse(actual) as Json).NextPageToken;
    pages++;
  } while (token);
  return pages;
}

// Six weeks up to today: restated (estimated) days, the resize day and a month boundary.
const recentWeeks = { Start: addDays(TODAY, -42), End: TODAY };

describe("GetCostAndUsage answers as the straightforward path does", () => {
  for (const [filterName, filter] of Object.entries(FILTERS)) {
    for (const [groupName, groupBy] of Object.entries(GROUPINGS)) {
      it(`filter ${filterName}, group by ${groupName}`, () => {
        const input = {
          TimePeriod: recentWeeks,
          Granularity: "DAILY",
          Metrics: ["UnblendedCost", "AmortizedCost", "UsageQuantity"],
          GroupBy: groupBy,
          Filter: filter(),
        };
        expectSamePages("getCostAndUsage", input, getCostAndUsage);
      });
    }
  }

  it("pages a 13-month DAILY request grouped by usage type and team without a filter", () => {
    const input = {
      TimePeriod: { Start: org.start, End: TODAY },
      Granularity: "DAILY",
      Metrics: ["UnblendedCost"],
      GroupBy: GROUPINGS["LINKED_ACCOUNT and USAGE_TYPE"],
    };
    expect(expectSamePages("getCostAndUsage", input, getCostAndUsage)).toBeGreaterThan(1);
  });

  it("answers MONTHLY over 13 months for one account without its team tag", () => {
    const input = {
      TimePeriod: { Start: org.start, End: TODAY },
      Granularity: "MONTHLY",
      Metrics: ["NetUnblendedCost", "NormalizedUsageAmount"],
      GroupBy: GROUPINGS["SERVICE and TAG team"],
      Filter: FILTERS["account and team ABSENT (the ingest's untagged request)"]?.(),
    };
    expectSamePages("getCostAndUsage", input, getCostAndUsage);
  });
});

describe("GetDimensionValues, GetTags and GetCostForecast answer as the straightforward path does", () => {
  const listings: Record<string, () => Json> = {
    "accounts over 13 months": () => ({ TimePeriod: { Start: org.start, End: TODAY }, Dimension: "LINKED_ACCOUNT" }),
    "accounts searched by name": () => ({
      TimePeriod: recentWeeks,
      Dimension: "LINKED_ACCOUNT",
      SearchString: "STAGING",
    }),
    "NAT usage types of a month (the NAT usage-group listing)": () => ({
      TimePeriod: { Start: "2026-10-01", End: "2026-11-01" },
      Dimension: "USAGE_TYPE",
      SearchString: "NatGateway",
    }),
    "usage types around the resize": () => ({
      TimePeriod: recentWeeks,
      Dimension: "USAGE_TYPE",
      SearchString: "Usage",
    }),
    "usage types, paged": () => ({ TimePeriod: recentWeeks, Dimension: "USAGE_TYPE", MaxResults: 7 }),
    "instance types of one account": () => ({
      TimePeriod: recentWeeks,
      Dimension: "INSTANCE_TYPE",
      Filter: account(0),
    }),
    "services without a team tag": () => ({ TimePeriod: recentWeeks, Dimension: "SERVICE", Filter: teamAbsent }),
    "regions and record types": () => ({ TimePeriod: recentWeeks, Dimension: "REGION" }),
    "record types": () => ({ TimePeriod: recentWeeks, Dimension: "RECORD_TYPE" }),
  };
  for (const [name, input] of Object.entries(listings)) {
    it(`GetDimensionValues: ${name}`, () => {
      expectSamePages("getDimensionValues", input(), getDimensionValues);
    });
  }

  const tagListings: Record<string, () => Json> = {
    "tag keys": () => ({ TimePeriod: recentWeeks }),
    "tag keys searched, of one account": () => ({
      TimePeriod: recentWeeks,
      SearchString: "kubernetes",
      Filter: account(0),
    }),
    "team values": () => ({ TimePeriod: recentWeeks, TagKey: "team" }),
    "cost-centre values, paged": () => ({ TimePeriod: recentWeeks, TagKey: "cost-centre", MaxResults: 3 }),
  };
  for (const [name, input] of Object.entries(tagListings)) {
    it(`GetTags: ${name}`, () => {
      expectSamePages("getTags", input(), getTags);
    });
  }

  it("GetCostForecast of one account's EC2 - Other", () => {
    const input = {
      TimePeriod: { Start: TODAY, End: addDays(TODAY, 40) },
      Metric: "UNBLENDED_COST",
      Granularity: "MONTHLY",
      Filter: { And: [account(0), dimension("SERVICE", ["EC2 - Other"])] },
    };
    expect(JSON.stringify(getCostForecast(input, org))).toBe(
      JSON.stringify(straightforward.getCostForecast(input, org)),
    );
  });
});

describe("candidate sources", () => {
  it("are one account's EC2 - Other sources for the NAT usage-group request", () => {
    const accountId = org.accounts[0]?.id;
    const filter = compileFilter({
      And: [account(0), dimension("SERVICE", ["EC2 - Other"]), dimension("USAGE_TYPE", natTypes)],
    });
    const candidates = candidateSources(org, filter);
    expect(candidates.length).toBeGreaterThan(0);
    for (const source of candidates) {
      expect(source.accountId).toBe(accountId);
      expect(natTypes).toContain(source.usageType);
    }
  });

  it("keep a resizable source for a usage type it may bill under on some day", () => {
    const filter = compileFilter(dimension("USAGE_TYPE", ["BoxUsage:m5.xlarge"]));
    const candidates = candidateSources(org, filter);
    expect(candidates.some((s) => s.usageType === "BoxUsage:m5.2xlarge")).toBe(true);
    expect(candidates.every((s) => s.resizable)).toBe(true);
  });

  it("are every source when an Or leaves the account open", () => {
    const filter = compileFilter({ Or: [account(0), tag("team", ["checkout"])] });
    expect(filter.accounts).toBeUndefined();
    const candidates = candidateSources(org, filter);
    expect(candidates.length).toBeLessThan(costSources(org).length);
    expect(new Set(candidates.map((s) => s.accountId)).size).toBeGreaterThan(1);
  });
});
