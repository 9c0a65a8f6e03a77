import { describe, expect, it } from "vitest";
import { detectIdleReplicas } from "@/lib/waste/detect-idle-replicas";
import { daily, DAYS, facts, price, resource } from "./facts";

function db(replicaSource: string | null, overrides = {}, storage: { storageType?: string } = {}) {
  return resource("RDS_INSTANCE", {
    sizeType: "db.r5.large",
    state: "available",
    ...overrides,
    attributes: {
      engine: "postgres",
      engineVersion: "15.6",
      replicaSource,
      replicas: [],
      multiAz: false,
      storageGiB: 200,
      arn: "arn:aws:rds:us-east-1:1:db:x",
      az: "us-east-1a",
      ...storage,
    },
  });
}

const usage = (connections: number, iops: number) => [
  ...daily("AWS/RDS/DatabaseConnections", () => ({ average: connections / 2, maximum: connections })),
  ...daily("AWS/RDS/ReadIOPS", () => ({ average: iops, maximum: iops * 3 })),
];

describe("detectIdleReplicas", () => {
  it("flags a replica nobody connects to; saving is its hours and storage", () => {
    const replica = db("orders-db");
    const [finding] = detectIdleReplicas(facts([replica], { [replica.id]: usage(0, 0.4) })).findings;
    // 0.25 x 730 = 182.5, + 200 x 0.115 = 23
    expect(finding!.monthlySaving.toFixed()).toBe("205.5");
    expect(finding!.evidence.prices.map((p) => p.key)).toEqual([
      "db.r5.large|postgres|single-az",
      "gp2|postgres|single-az",
    ]);
  });

  it("prices storage by the type the inventory recorded, and says when it had to assume gp2", () => {
    const gp3 = db("orders-db", {}, { storageType: "gp3" });
    const priced = facts([gp3], { [gp3.id]: usage(0, 0) });
    const withGp3 = {
      ...priced,
      prices: [...priced.prices, price("RDS_STORAGE_GB_MONTH", "gp3|postgres|single-az", "0.08")],
    };
    const [finding] = detectIdleReplicas(withGp3).findings;
    // 0.25 x 730 = 182.5, + 200 x 0.08 = 16
    expect(finding!.monthlySaving.toFixed()).toBe("198.5");
    expect(finding!.evidence.facts).toContainEqual({ label: "Storage", value: "200 GiB gp3" });
    const unknown = db("orders-db");
    const [assumed] = detectIdleReplicas(facts([unknown], { [unknown.id]: usage(0, 0) })).findings;
    expect(assumed!.evidence.facts.find((f) => f.label === "Storage")!.value).toContain("priced as gp2");
    // a type without a price is reported, not guessed
    const io1 = db("orders-db", {}, { storageType: "io1" });
    const missing = detectIdleReplicas(facts([io1], { [io1.id]: usage(0, 0) }));
    expect(missing.findings).toEqual([]);
    expect(missing.missingPrices).toMatchObject([{ kind: "RDS_STORAGE_GB_MONTH", key: "io1|postgres|single-az" }]);
  });

  it("leaves alone a replica with connections (decoy), and a primary", () => {
    const connected = db("orders-db");
    const primary = db(null);
    const result = detectIdleReplicas(
      facts([connected, primary], { [connected.id]: usage(8, 20), [primary.id]: usage(0, 0) }),
    );
    expect(result.findings).toEqual([]);
  });

  it("reports missing metrics as insufficient data", () => {
    const replica = db("orders-db");
    const metrics = usage(0, 0).filter((r) => r.day !== DAYS[0]);
    const result = detectIdleReplicas(facts([replica], { [replica.id]: metrics }));
    expect(result.findings).toEqual([]);
    expect(result.insufficientData).toHaveLength(1);
  });

  it("leaves alone a replica younger than the lookback", () => {
    const young = db("orders-db", { launchedAt: new Date(`${DAYS[10]}T00:00:00Z`) });
    expect(detectIdleReplicas(facts([young], { [young.id]: usage(0, 0) })).findings).toEqual([]);
  });

  it("makes no finding when the class has no price for its engine and deployment", () => {
    const mysql = resource("RDS_INSTANCE", {
      sizeType: "db.r5.large",
      attributes: {
        engine: "mysql",
        engineVersion: null,
        replicaSource: "a",
        replicas: [],
        multiAz: false,
        storageGiB: 10,
        arn: "x",
        az: null,
      },
    });
    const result = detectIdleReplicas(facts([mysql], { [mysql.id]: usage(0, 0) }));
    expect(result.findings).toEqual([]);
    expect(result.missingPrices.map((m) => m.key)).toContain("db.r5.large|mysql|single-az");
  });
});
