import { describe, expect, it } from "vitest";
import { pullRequestBranch } from "@/lib/pull-requests/branch-name";

describe("pullRequestBranch", () => {
  const zombie = { id: "cm3abc0001", resourceId: "i-0a8c3470d9a0560dd" };

  it("names one recommendation's branch by type, resource and a short hash of its id", () => {
    const branch = pullRequestBranch("ZOMBIE_INSTANCE", [zombie]);
    expect(branch).toMatch(/^costlens\/zombie-instance\/i-0a8c3470d9a0560dd-[0-9a-f]{8}$/);
    expect(pullRequestBranch("ZOMBIE_INSTANCE", [zombie])).toBe(branch);
  });

  it("differs for another recommendation of the same resource", () => {
    const other = pullRequestBranch("ZOMBIE_INSTANCE", [{ ...zombie, id: "cm3abc0002" }]);
    expect(other).not.toBe(pullRequestBranch("ZOMBIE_INSTANCE", [zombie]));
  });

  it("suffixes the attempt after closed pull requests", () => {
    const first = pullRequestBranch("ZOMBIE_INSTANCE", [zombie], 1);
    expect(pullRequestBranch("ZOMBIE_INSTANCE", [zombie], 2)).toBe(`${first}-2`);
    expect(pullRequestBranch("ZOMBIE_INSTANCE", [zombie], 3)).toBe(`${first}-3`);
  });

  it("makes resource ids that are not ref-safe into valid ref segments", () => {
    const branch = pullRequestBranch("IDLE_REPLICA", [
      { id: "x1", resourceId: "arn:aws:rds:us-east-1:1:db/Orders..Replica~1^" },
    ]);
    expect(branch).toMatch(/^costlens\/idle-replica\/arn-aws-rds-us-east-1-1-db-orders.replica-1-[0-9a-f]{8}$/);
    expect(branch).not.toMatch(/\.\.|[~^:?*[\\\s]|\.lock$|\/$/);
    const long = pullRequestBranch("NON_PROD_ALWAYS_ON", [{ id: "x2", resourceId: "a".repeat(200) }]);
    expect(long.split("/")[2]!.length).toBeLessThanOrEqual(60 + 9);
  });

  it("names a batch by its size and the sorted ids, whatever order they were picked in", () => {
    const a = { id: "b", resourceId: "vol-1" };
    const b = { id: "a", resourceId: "vol-2" };
    const branch = pullRequestBranch("ORPHAN_VOLUME", [a, b]);
    expect(branch).toMatch(/^costlens\/orphan-volume\/batch-2-[0-9a-f]{10}$/);
    expect(pullRequestBranch("ORPHAN_VOLUME", [b, a])).toBe(branch);
    expect(pullRequestBranch("ORPHAN_VOLUME", [a, b, { id: "c", resourceId: "vol-3" }])).not.toBe(branch);
  });

  it("refuses an empty set", () => {
    expect(() => pullRequestBranch("ORPHAN_VOLUME", [])).toThrow(/at least one/);
  });
});
