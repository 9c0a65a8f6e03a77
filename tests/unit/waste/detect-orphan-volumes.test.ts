import { describe, expect, it } from "vitest";
import { detectOrphanVolumes } from "@/lib/waste/detect-orphan-volumes";
import { evidenceSchema } from "@/lib/waste/evidence";
import { facts, TODAY, volume } from "./facts";

const recently = new Date(`${TODAY}T00:30:00Z`);

describe("detectOrphanVolumes", () => {
  it("flags a volume the inventory saw detached more than 14 days ago", () => {
    const orphan = volume(
      { state: "available" },
      { sizeGiB: 500, volumeType: "gp2", detachedAt: "2026-10-01T12:00:00.000Z" },
    );
    const [finding] = detectOrphanVolumes(facts([orphan])).findings;
    expect(finding!.monthlySaving.toFixed()).toBe("50");
    expect(finding!.evidence.estimated).toBe(false);
    expect(evidenceSchema.parse(finding!.evidence).window.from).toBe("2026-10-01");
  });

  it("leaves alone a volume detached today, and an attached one", () => {
    const today = volume({ state: "available", firstSeenAt: recently }, { detachedAt: `${TODAY}T00:10:00.000Z` });
    const attached = volume({ state: "in-use" }, { attachedInstanceId: "i-1" });
    expect(detectOrphanVolumes(facts([today, attached])).findings).toEqual([]);
  });

  it("without a detach time, counts from when CostLens first saw it unattached", () => {
    const watched = volume({ state: "available", firstSeenAt: new Date("2026-10-20T00:00:00Z") });
    const [finding] = detectOrphanVolumes(facts([watched])).findings;
    expect(finding!.evidence.estimated).toBe(false);
    expect(finding!.evidence.window.from).toBe("2026-10-20");
  });

  it("first seen just now: bounded by its creation time, marked estimated and said so", () => {
    const unknown = volume({ state: "available", firstSeenAt: recently }, { createTime: "2025-06-01T00:00:00.000Z" });
    const [finding] = detectOrphanVolumes(facts([unknown])).findings;
    expect(finding!.evidence.estimated).toBe(true);
    expect(finding!.evidence.summary).toContain("detach time unknown");
    // a volume created last week cannot have been unattached for 14 days
    const fresh = volume({ state: "available", firstSeenAt: recently }, { createTime: "2026-11-15T00:00:00.000Z" });
    expect(detectOrphanVolumes(facts([fresh])).findings).toEqual([]);
  });

  it("reports a missing price and makes no finding", () => {
    const sc1 = volume({ state: "available" }, { volumeType: "sc1", detachedAt: "2026-01-01T00:00:00.000Z" });
    const result = detectOrphanVolumes(facts([sc1]));
    expect(result.findings).toEqual([]);
    expect(result.missingPrices).toMatchObject([{ kind: "EBS_GB_MONTH", key: "sc1" }]);
  });
});
