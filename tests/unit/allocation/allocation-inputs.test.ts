import { describe, expect, it } from "vitest";
import {
  describeDecisions,
  monthsToRecompute,
  parseInputs,
  policyFingerprint,
  serializeInputs,
  stableJson,
  type AllocationPolicy,
  type MonthInputs,
} from "@/lib/allocation/allocation-inputs";

const facts = (month: string, version = 1) => `cost_daily ${version} rows for ${month}`;
const inputs = (policy: string, month: string, version = 1): MonthInputs => ({ policy, facts: facts(month, version) });
const months = ["2026-09-01", "2026-10-01", "2026-11-01"];
const current = (policy = "p1") => new Map(months.map((month) => [month, inputs(policy, month)]));

describe("monthsToRecompute", () => {
  it("recomputes nothing when every month's recorded inputs are the current ones", () => {
    const stored = new Map(current());
    expect(monthsToRecompute(current(), stored, new Set(months))).toEqual([]);
  });

  it("recomputes every month when the policy changed, recording the new inputs", () => {
    const decisions = monthsToRecompute(current("p2"), current("p1"), new Set(months));
    expect(decisions).toEqual(
      months.map((month) => ({ month, reason: "policy changed", inputs: inputs("p2", month) })),
    );
  });

  it("recomputes only the month whose facts changed", () => {
    const now = current();
    now.set("2026-10-01", inputs("p1", "2026-10-01", 2));
    expect(monthsToRecompute(now, current(), new Set(months))).toEqual([
      { month: "2026-10-01", reason: "facts changed", inputs: inputs("p1", "2026-10-01", 2) },
    ]);
  });

  it("recomputes a month with no record, or a record that could not be read", () => {
    const stored = new Map<string, MonthInputs | null>(current());
    stored.delete("2026-09-01");
    stored.set("2026-11-01", null);
    expect(monthsToRecompute(current(), stored, new Set(months)).map(({ month, reason }) => [month, reason])).toEqual([
      ["2026-09-01", "not allocated yet"],
      ["2026-11-01", "not allocated yet"],
    ]);
  });

  it("clears a month whose facts are gone, whether it has a record or only allocated rows", () => {
    const now = current();
    now.delete("2026-09-01");
    const stored = new Map(current());
    const allocated = new Set([...months, "2026-08-01"]);
    expect(monthsToRecompute(now, stored, allocated)).toEqual([
      { month: "2026-08-01", reason: "facts gone", inputs: null },
      { month: "2026-09-01", reason: "facts gone", inputs: null },
    ]);
  });

  it("reports the policy before the facts when both changed", () => {
    const now = new Map([["2026-11-01", inputs("p2", "2026-11-01", 2)]]);
    expect(monthsToRecompute(now, current("p1"), new Set())[2]).toEqual({
      month: "2026-11-01",
      reason: "policy changed",
      inputs: inputs("p2", "2026-11-01", 2),
    });
  });
});

describe("describeDecisions", () => {
  it("names the months and why, or says nothing changed", () => {
    expect(describeDecisions([], 13)).toBe("nothing changed in 13 month(s)");
    const decisions = monthsToRecompute(current("p2"), current("p1"), new Set(months));
    expect(describeDecisions(decisions, 3)).toBe("policy changed: 2026-09..2026-11 (3)");
    const now = current();
    now.set("2026-11-01", inputs("p1", "2026-11-01", 2));
    now.delete("2026-09-01");
    expect(describeDecisions(monthsToRecompute(now, current(), new Set()), 2)).toBe(
      "facts gone in 2026-09; facts changed in 2026-11",
    );
  });
});

describe("policyFingerprint", () => {
  const policy: AllocationPolicy = {
    settings: { split: "none", sharedServices: ["AWS Support (Business)"] },
    squads: [{ slug: "checkout", costCentre: "CC-1010" }],
    rules: [{ kind: "NAMESPACE", matchValue: "*/kube-system", squad: "platform", priority: 100 }],
    clusters: new Map([
      ["prod-eu", { accountId: "111111111111", teamTag: "platform", costCentreTag: "" }],
      ["prod-us", { accountId: "222222222222", teamTag: "platform", costCentreTag: "" }],
    ]),
  };

  it("does not depend on key or Map insertion order", () => {
    const reordered: AllocationPolicy = {
      clusters: new Map([...policy.clusters].reverse()),
      rules: policy.rules,
      squads: policy.squads,
      settings: { sharedServices: ["AWS Support (Business)"], split: "none" },
    };
    expect(policyFingerprint(reordered)).toBe(policyFingerprint(policy));
    expect(policyFingerprint(policy)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with any setting (including one added later), squad, rule or cluster", () => {
    const base = policyFingerprint(policy);
    const variants: AllocationPolicy[] = [
      { ...policy, settings: { ...policy.settings, split: "even" } },
      { ...policy, settings: { ...policy.settings, sharedUsageGroups: ["NAT Gateway"] } },
      { ...policy, squads: [...policy.squads, { slug: "search", costCentre: null }] },
      { ...policy, rules: [{ ...policy.rules[0]!, priority: 5 }] },
      {
        ...policy,
        clusters: new Map([
          ...policy.clusters,
          ["prod-eu", { accountId: "333333333333", teamTag: "", costCentreTag: "" }],
        ]),
      },
    ];
    const fingerprints = variants.map(policyFingerprint);
    expect(new Set([base, ...fingerprints]).size).toBe(variants.length + 1);
  });
});

describe("stored inputs", () => {
  it("round-trip, and text that is not ours reads as no record", () => {
    const value = inputs("p1", "2026-11-01");
    expect(parseInputs(serializeInputs(value))).toEqual(value);
    expect(parseInputs("not json")).toBeNull();
    expect(parseInputs(JSON.stringify({ policy: "p1" }))).toBeNull();
  });

  it("stable JSON sorts nested keys and keeps array order", () => {
    expect(stableJson({ b: [2, 1], a: { d: 1, c: null } })).toBe('{"a":{"c":null,"d":1},"b":[2,1]}');
  });
});
