// The generator is a pure function of its options: same seed, same organisation; another seed, another
// organisation of the same shape; scale N, N times the inventory.
import { describe, expect, it } from "vitest";
import { DECOY_COUNTS } from "../../sim/org/generate-decoy-instances";
import { generateOrganisation } from "../../sim/org/generate-organisation";

const OPTIONS = { seed: 42, scale: 1, months: 13, today: "2026-11-25" };

describe("generateOrganisation", () => {
  it("gives the same organisation for the same seed", () => {
    expect(JSON.stringify(generateOrganisation(OPTIONS))).toBe(JSON.stringify(generateOrganisation(OPTIONS)));
  });

  it("gives a different organisation of the same shape for another seed", () => {
    const a = generateOrganisation(OPTIONS);
    const b = generateOrganisation({ ...OPTIONS, seed: 7 });
    expect(b.instances.map((i) => i.id)).not.toEqual(a.instances.map((i) => i.id));
    expect(b.instances.length).toBe(a.instances.length);
    // the idle decoys are planted as rightsizing only at the sizes that have a smaller one, which the seed picks
    const notDecoys = (org: typeof a) => {
      const decoyIds = new Set(org.decoys.map((d) => d.resourceId));
      return org.planted.filter((p) => !decoyIds.has(p.resourceId));
    };
    expect(notDecoys(b).length).toBe(notDecoys(a).length);
    expect(b.planted.length - notDecoys(b).length).toBeLessThanOrEqual(
      DECOY_COUNTS.heavyNetwork + DECOY_COUNTS.inTargetGroup,
    );
  });

  it("multiplies the inventory by the scale and keeps ids unique", () => {
    const one = generateOrganisation(OPTIONS);
    const three = generateOrganisation({ ...OPTIONS, scale: 3 });
    expect(three.instances.length).toBe(3 * one.instances.length);
    expect(three.dbInstances.length).toBe(3 * one.dbInstances.length);
    expect(three.clusters.length).toBe(12);
    expect(three.squads.length).toBe(12);
    expect(new Set(three.instances.map((i) => i.id)).size).toBe(three.instances.length);
    expect(new Set(three.dbInstances.map((d) => d.identifier)).size).toBe(three.dbInstances.length);
    expect(new Set(three.clusters.map((c) => c.name)).size).toBe(12);
  });

  it("starts the cost history on the first of the month, `months` months back", () => {
    expect(generateOrganisation(OPTIONS).start).toBe("2025-10-01");
    expect(generateOrganisation({ ...OPTIONS, months: 2 }).start).toBe("2026-09-01");
  });

  it("rejects bad options", () => {
    expect(() => generateOrganisation({ ...OPTIONS, scale: 0 })).toThrow(/scale/);
    expect(() => generateOrganisation({ ...OPTIONS, today: "2026-13-01" })).toThrow(/today/);
  });
});
