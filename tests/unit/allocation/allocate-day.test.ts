import { describe, expect, it } from "vitest";
import { allocateDay } from "@/lib/allocation/allocate-day";
import type { ClusterBilling } from "@/lib/allocation/allocation-types";
import { ACCOUNT, EC2, OTHER_ACCOUNT, cost, input, ns, summary, total } from "./fixtures";

const clusters = new Map<string, ClusterBilling>([
  ["production", { accountId: ACCOUNT, teamTag: "platform", costCentreTag: "" }],
]);

describe("allocateDay: ownership of a cost line", () => {
  it("gives tagged spend to the squad whose slug is the team tag", () => {
    const { rows } = allocateDay(input({ costs: [cost("12.5", { teamTag: "checkout" })] }));
    expect(summary(rows)).toEqual([
      expect.objectContaining({ owner: "SQUAD", squad: "checkout", rule: "team-tag", amount: "12.5" }),
    ]);
  });

  it("maps a team tag value through a TEAM_TAG rule, before the slug", () => {
    const { rows } = allocateDay(
      input({
        costs: [cost("3", { teamTag: "chk" }), cost("4", { teamTag: "search" })],
        rules: [
          { kind: "TEAM_TAG", matchValue: "chk", squad: "checkout", priority: 100 },
          { kind: "TEAM_TAG", matchValue: "search", squad: "checkout", priority: 100 },
        ],
      }),
    );
    expect(summary(rows).map((row) => [row.squad, row.rule, row.amount])).toEqual([["checkout", "team-tag", "7"]]);
  });

  it("falls back to the cost-centre tag: a squad's cost centre, or a COST_CENTRE_TAG rule", () => {
    const { rows } = allocateDay(
      input({
        costs: [cost("5", { costCentreTag: "CC-1030" }), cost("6", { costCentreTag: "CC-9999" })],
        rules: [{ kind: "COST_CENTRE_TAG", matchValue: "CC-9999", squad: "checkout", priority: 100 }],
      }),
    );
    expect(summary(rows).map((row) => [row.squad, row.rule, row.amount])).toEqual([
      ["checkout", "cost-centre-tag", "6"],
      ["search", "cost-centre-tag", "5"],
    ]);
  });

  it("falls back to the account (ACCOUNT rule), after the tags", () => {
    const { rows } = allocateDay(
      input({
        costs: [cost("7", { accountId: OTHER_ACCOUNT }), cost("1", { accountId: OTHER_ACCOUNT, teamTag: "checkout" })],
        rules: [{ kind: "ACCOUNT", matchValue: OTHER_ACCOUNT, squad: "search", priority: 100 }],
      }),
    );
    expect(summary(rows).map((row) => [row.squad, row.rule, row.amount])).toEqual([
      ["checkout", "team-tag", "1"],
      ["search", "account", "7"],
    ]);
  });

  it("keeps untagged spend and tags of unknown teams as unallocated, never hidden", () => {
    const { rows } = allocateDay(input({ costs: [cost("2"), cost("3", { teamTag: "ghost-team" })] }));
    expect(summary(rows)).toEqual([
      expect.objectContaining({ owner: "UNALLOCATED", squad: "", rule: "none", amount: "5" }),
    ]);
  });

  it("keeps shared services (AWS Support) on a shared line before any rule", () => {
    const { rows } = allocateDay(
      input({ costs: [cost("40", { service: "AWS Support (Business)", teamTag: "checkout" })] }),
    );
    expect(summary(rows)).toEqual([expect.objectContaining({ owner: "SHARED", rule: "shared", amount: "40" })]);
  });
});

describe("allocateDay: Kubernetes", () => {
  const ec2Row = (amount: string) => cost(amount, { service: EC2, teamTag: "platform" });

  it("counts the EKS nodes once: the namespace split and idle replace their part of the EC2 line", () => {
    const { rows, uncarved } = allocateDay(
      input({
        costs: [ec2Row("100")],
        namespaces: [
          ns("production", "checkout", "30", "checkout"),
          ns("production", "search", "20", "search"),
          ns("production", "kube-system", "10"),
          ns("production", "__idle__", "15"),
        ],
        clusters,
        settings: { sharedClusterTeams: [] },
      }),
    );
    expect(uncarved).toEqual([]);
    expect(total(rows)).toBe("100");
    expect(summary(rows).map((row) => [row.owner, row.squad, row.rule, row.namespace, row.amount])).toEqual([
      ["IDLE", "", "idle", "__idle__", "15"],
      ["SQUAD", "checkout", "namespace", "checkout", "30"],
      ["SQUAD", "platform", "team-tag", "", "25"],
      ["SQUAD", "search", "namespace", "search", "20"],
      ["UNALLOCATED", "", "none", "kube-system", "10"],
    ]);
    // Never both: no row still holds the nodes' whole EC2 cost.
    expect(rows.some((row) => row.amount.toFixed() === "100")).toBe(false);
  });

  it("caps the carve at the EC2 line on restated days and scales the split exactly", () => {
    const { rows } = allocateDay(
      input({
        costs: [ec2Row("92")],
        namespaces: [
          ns("production", "checkout", "50", "checkout"),
          ns("production", "search", "25", "search"),
          ns("production", "__idle__", "25"),
        ],
        clusters,
        settings: { sharedClusterTeams: [] },
      }),
    );
    expect(total(rows)).toBe("92");
    expect(summary(rows).map((row) => [row.squad || row.owner, row.amount])).toEqual([
      ["IDLE", "23"],
      ["checkout", "46"],
      ["search", "23"],
    ]);
  });

  it("gives a namespace to a NAMESPACE rule when it has no team label (the cluster's rule before '*')", () => {
    const { rows } = allocateDay(
      input({
        costs: [ec2Row("10")],
        namespaces: [ns("production", "monitoring", "4"), ns("production", "argocd", "6")],
        clusters,
        rules: [
          { kind: "NAMESPACE", matchValue: "*/monitoring", squad: "search", priority: 100 },
          { kind: "NAMESPACE", matchValue: "production/monitoring", squad: "platform", priority: 100 },
          { kind: "NAMESPACE", matchValue: "*/argocd", squad: "platform", priority: 100 },
        ],
      }),
    );
    expect(summary(rows).map((row) => [row.squad, row.rule, row.namespace, row.amount])).toEqual([
      ["platform", "namespace", "argocd", "6"],
      ["platform", "namespace", "monitoring", "4"],
    ]);
  });

  it("leaves a cluster it cannot place (no known account, or no EC2 line) to Cost Explorer", () => {
    const { rows, uncarved } = allocateDay(
      input({
        costs: [ec2Row("10")],
        namespaces: [ns("mystery", "checkout", "4", "checkout"), ns("production", "checkout", "3", "checkout")],
        clusters: new Map([
          ...clusters,
          ["other", { accountId: OTHER_ACCOUNT, teamTag: "platform", costCentreTag: "" }],
        ]),
      }),
    );
    expect(uncarved).toEqual(["mystery"]);
    expect(total(rows)).toBe("10");
  });

  it("shares the idle of shared clusters (nodes owned by a shared team) when the policy splits", () => {
    const { rows } = allocateDay(
      input({
        costs: [ec2Row("10"), cost("30", { teamTag: "checkout" }), cost("10", { teamTag: "search" })],
        namespaces: [ns("production", "__idle__", "8")],
        clusters,
        settings: { sharedClusterTeams: ["platform"], split: "proportional" },
      }),
    );
    expect(total(rows)).toBe("50");
    expect(rows.some((row) => row.ownerType === "IDLE")).toBe(false);
    const idleShares = rows.filter((row) => row.namespace === "__idle__");
    expect(summary(idleShares).map((row) => [row.squad, row.rule, row.amount])).toEqual([
      // direct spend 30 : 2 (the EC2 line left after the carve) : 10
      ["checkout", "shared-split", "5.7142857143"],
      ["platform", "shared-split", "0.3809523809"],
      ["search", "shared-split", "1.9047619048"],
    ]);
  });
});

describe("allocateDay: shared costs", () => {
  const support = cost("100", { service: "AWS Support (Business)" });
  const direct = [cost("10", { teamTag: "checkout" }), cost("20", { teamTag: "search" })];

  it("splits shared costs proportionally to direct spend, exactly", () => {
    const { rows } = allocateDay(input({ costs: [support, ...direct], settings: { split: "proportional" } }));
    const split = rows.filter((row) => row.rule === "shared-split");
    expect(summary(split).map((row) => [row.squad, row.amount])).toEqual([
      ["checkout", "33.3333333333"],
      ["search", "66.6666666667"],
    ]);
    expect(total(split)).toBe("100");
    expect(total(rows)).toBe("130");
  });

  it("splits shared costs evenly across every squad, exactly", () => {
    const { rows } = allocateDay(input({ costs: [support, ...direct], settings: { split: "even" } }));
    const split = rows.filter((row) => row.rule === "shared-split");
    expect(summary(split).map((row) => [row.squad, row.amount])).toEqual([
      ["checkout", "33.3333333334"],
      ["platform", "33.3333333333"],
      ["search", "33.3333333333"],
    ]);
    expect(total(rows)).toBe("130");
  });

  describe("NAT gateways (the usage group split out of EC2 - Other)", () => {
    const nat = cost("12", { service: "EC2 - Other", usageGroup: "NAT Gateway", teamTag: "checkout" });
    const volumes = cost("10", { service: "EC2 - Other", teamTag: "checkout" });

    it("shares NAT by default, whoever's tag it carries, and keeps the rest of EC2 - Other with its owner", () => {
      const { rows } = allocateDay(input({ costs: [nat, volumes] }));
      expect(summary(rows)).toEqual([
        expect.objectContaining({
          owner: "SHARED",
          service: "EC2 - Other (NAT Gateway)",
          rule: "shared",
          amount: "12",
        }),
        expect.objectContaining({ owner: "SQUAD", squad: "checkout", service: "EC2 - Other", amount: "10" }),
      ]);
    });

    it("splits NAT with the other shared costs when the policy splits", () => {
      const { rows } = allocateDay(input({ costs: [nat, volumes, ...direct], settings: { split: "proportional" } }));
      const split = rows.filter((row) => row.rule === "shared-split");
      expect(summary(split).map((row) => [row.squad, row.service, row.amount])).toEqual([
        ["checkout", "EC2 - Other (NAT Gateway)", "6"],
        ["search", "EC2 - Other (NAT Gateway)", "6"],
      ]);
      expect(total(rows)).toBe("52");
    });

    it("gives NAT to its owner, named as NAT, when the policy does not share it", () => {
      const { rows } = allocateDay(input({ costs: [nat, volumes], settings: { sharedUsageGroups: [] } }));
      expect(summary(rows)).toEqual([
        expect.objectContaining({ owner: "SQUAD", squad: "checkout", service: "EC2 - Other", amount: "10" }),
        expect.objectContaining({
          owner: "SQUAD",
          squad: "checkout",
          service: "EC2 - Other (NAT Gateway)",
          amount: "12",
        }),
      ]);
    });
  });

  it("keeps shared costs shared when there is no squad to split them to", () => {
    const { rows } = allocateDay(input({ costs: [support], squads: [], settings: { split: "even" } }));
    expect(summary(rows)).toEqual([expect.objectContaining({ owner: "SHARED", amount: "100" })]);
  });
});

describe("allocateDay: a rule change recomputes the day", () => {
  it("moves the same dollars from unallocated to the squad a new rule names, and back when it goes", () => {
    const day = { costs: [cost("9", { accountId: OTHER_ACCOUNT })] };
    const before = allocateDay(input(day));
    const after = allocateDay(
      input({ ...day, rules: [{ kind: "ACCOUNT", matchValue: OTHER_ACCOUNT, squad: "checkout", priority: 1 }] }),
    );
    expect(summary(before.rows).map((row) => [row.owner, row.amount])).toEqual([["UNALLOCATED", "9"]]);
    expect(summary(after.rows).map((row) => [row.squad, row.rule, row.amount])).toEqual([["checkout", "account", "9"]]);
    expect(allocateDay(input(day))).toEqual(before);
  });
});
