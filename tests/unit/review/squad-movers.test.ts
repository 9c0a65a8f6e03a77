import { describe, expect, it } from "vitest";
import { compare } from "@/lib/review/month-over-month";
import { squadMonthSpend, topMovers, type SquadDriverSpend } from "@/lib/review/squad-movers";

const names = new Map([
  ["checkout", "Checkout"],
  ["search", "Search"],
  ["payments", "Payments"],
]);

const drivers: SquadDriverSpend[] = [
  { squad: "checkout", kind: "namespace", key: "prod/checkout-api", current: "1200.50", previous: "800.25" },
  { squad: "checkout", kind: "service", key: "Amazon S3", current: "100", previous: "150" },
  { squad: "search", kind: "service", key: "Amazon OpenSearch Service", current: "300", previous: "900" },
  { squad: "search", kind: "namespace", key: "prod/indexer", current: "50", previous: "10" },
  { squad: "payments", kind: "service", key: "AWS Lambda", current: "40.1", previous: "40.1" },
  { squad: "newbie", kind: "service", key: "Amazon EC2", current: "10", previous: "0" },
];

describe("month over month", () => {
  it("compares exactly, with the relative change as a fraction", () => {
    expect(compare("110.10", "100")).toEqual({ current: "110.1", previous: "100", change: "10.1", ratio: "0.101" });
    expect(compare("0.3", "0.1").change).toBe("0.2");
    expect(compare("5", "0")).toEqual({ current: "5", previous: "0", change: "5", ratio: null });
    expect(compare("50", "-100").ratio).toBe("1.5");
  });

  it("sums each squad's drivers into its month and the month before, largest first", () => {
    expect(squadMonthSpend(drivers, names)).toEqual([
      {
        slug: "checkout",
        name: "Checkout",
        current: "1300.5",
        previous: "950.25",
        change: "350.25",
        ratio: "0.368587",
      },
      { slug: "search", name: "Search", current: "350", previous: "910", change: "-560", ratio: "-0.615385" },
      { slug: "payments", name: "Payments", current: "40.1", previous: "40.1", change: "0", ratio: "0" },
      { slug: "newbie", name: "newbie", current: "10", previous: "0", change: "10", ratio: null },
    ]);
  });
});

describe("top movers", () => {
  it("ranks by the size of the change either way and names the driver that moved the same way", () => {
    const movers = topMovers(drivers, names, 5);
    expect(movers.map((mover) => [mover.slug, mover.change])).toEqual([
      ["search", "-560"],
      ["checkout", "350.25"],
      ["newbie", "10"],
    ]);
    expect(movers[0]!.driver).toEqual({
      kind: "service",
      key: "Amazon OpenSearch Service",
      current: "300",
      previous: "900",
      change: "-600",
      ratio: "-0.666667",
    });
    // checkout rose; its S3 fell, so the namespace drove it
    expect(movers[1]!.driver).toMatchObject({ kind: "namespace", key: "prod/checkout-api", change: "400.25" });
    expect(movers[2]!.driver).toMatchObject({ key: "Amazon EC2", ratio: null });
  });

  it("leaves out squads that did not move and honours the limit", () => {
    expect(topMovers(drivers, names, 1).map((mover) => mover.slug)).toEqual(["search"]);
    expect(topMovers(drivers, names).some((mover) => mover.slug === "payments")).toBe(false);
  });
});
