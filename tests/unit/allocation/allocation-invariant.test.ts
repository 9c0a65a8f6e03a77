// The invariant on random days: whatever the facts, rules and policy, the allocated rows add up to the
// day's Cost Explorer facts exactly, and the EKS nodes are never counted twice.
import { describe, expect, it } from "vitest";
import { allocateDay } from "@/lib/allocation/allocate-day";
import type { ClusterBilling, CostFact, NamespaceFact, RuleRef } from "@/lib/allocation/allocation-types";
import { Decimal } from "@/lib/db/decimal";
import { ACCOUNT, EC2, OTHER_ACCOUNT, input, squads, total } from "./fixtures";

function seeded(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** up to 10 decimals, the scale of numeric(20,10); sometimes negative (credits) */
    amount: (max: number, negative = false) =>
      new Decimal(Math.floor(next() * max * 1e10)).dividedBy(1e10).times(negative && next() < 0.05 ? -1 : 1),
  };
}

const teams = ["checkout", "search", "platform", "ghost", ""];
const centres = ["CC-1010", "CC-1000", "CC-7777", ""];
const services = [EC2, "Amazon S3", "AWS Support (Business)", "EC2 - Other"];
const accounts = [ACCOUNT, OTHER_ACCOUNT, "333333333333"];
const clusterNames = ["production", "staging", "dev"];

describe("allocateDay invariant", () => {
  it("adds up to the day's facts exactly on 300 random days, under every shared-cost policy", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = seeded(seed);
      const costs: CostFact[] = Array.from({ length: 1 + random.int(40) }, () => {
        const teamTag = random.pick(teams);
        const service = random.pick(services);
        return {
          accountId: random.pick(accounts),
          service,
          teamTag,
          costCentreTag: teamTag ? "" : random.pick(centres),
          usageGroup: service === "EC2 - Other" ? random.pick(["", "NAT Gateway"]) : "",
          amount: random.amount(500, true),
        };
      });
      const clusters = new Map<string, ClusterBilling>(
        clusterNames.map((name) => [
          name,
          { accountId: random.pick(accounts), teamTag: random.pick(["platform", "search", ""]), costCentreTag: "" },
        ]),
      );
      const namespaces: NamespaceFact[] = clusterNames.flatMap((cluster) =>
        ["checkout", "search", "kube-system", "__idle__"].map((namespace) => ({
          cluster,
          namespace,
          teamLabel:
            namespace === "kube-system" || namespace === "__idle__" ? "" : random.pick([namespace, "", "ghost"]),
          amount: random.amount(random.pick([5, 50, 400])),
        })),
      );
      const rules: RuleRef[] = random.int(2)
        ? [
            { kind: "ACCOUNT", matchValue: OTHER_ACCOUNT, squad: "search", priority: 100 },
            { kind: "NAMESPACE", matchValue: "*/kube-system", squad: "platform", priority: 100 },
            { kind: "COST_CENTRE_TAG", matchValue: "CC-7777", squad: "checkout", priority: 100 },
          ]
        : [];
      const bill = costs.reduce((sum, fact) => sum.plus(fact.amount), new Decimal(0)).toFixed();
      for (const split of ["none", "proportional", "even"] as const) {
        const sharedUsageGroups = random.int(2) ? (["NAT Gateway"] as const) : [];
        const settings = { split, sharedClusterTeams: ["platform"], sharedUsageGroups: [...sharedUsageGroups] };
        const { rows } = allocateDay(input({ costs, namespaces, clusters, rules, squads, settings }));
        expect(total(rows), `seed ${seed}, split ${split}`).toBe(bill);
        for (const row of rows) expect(row.amount.decimalPlaces()).toBeLessThanOrEqual(10);
        // The carve never takes more from an EC2 line than OpenCost allocated.
        const carved = rows
          .filter((row) => row.cluster !== "")
          .reduce((sum, row) => sum.plus(row.amount), new Decimal(0));
        const openCost = namespaces.reduce((sum, row) => sum.plus(row.amount), new Decimal(0));
        expect(carved.lessThanOrEqualTo(openCost)).toBe(true);
      }
    }
  });
});
