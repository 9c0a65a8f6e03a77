import { describe, expect, it } from "vitest";
import { detectStoppedInstances } from "@/lib/waste/detect-stopped-instances";
import { evidenceSchema } from "@/lib/waste/evidence";
import { facts, instance, STANDARD_PRICES, volume } from "./facts";

const stoppedOn = (day: string) => new Date(`${day}T09:00:00Z`);

describe("detectStoppedInstances", () => {
  it("flags an instance stopped for more than 30 days; the saving is its volumes", () => {
    const root = volume({ resourceId: "vol-a" }, { sizeGiB: 100, volumeType: "gp2" });
    const data = volume({ resourceId: "vol-b" }, { sizeGiB: 300, volumeType: "gp3" });
    const old = instance(
      { state: "stopped", stateChangedAt: stoppedOn("2026-09-01") },
      { volumeIds: ["vol-a", "vol-b"] },
    );
    const result = detectStoppedInstances(facts([old, root, data]));
    expect(result.findings).toHaveLength(1);
    // 100 x 0.10 + 300 x 0.08 = 34
    expect(result.findings[0]!.monthlySaving.toFixed()).toBe("34");
    expect(evidenceSchema.parse(result.findings[0]!.evidence).summary).toContain("2026-09-01");
  });

  it("leaves alone an instance stopped only days ago", () => {
    const recent = instance({ state: "stopped", stateChangedAt: stoppedOn("2026-11-10") }, { volumeIds: [] });
    expect(detectStoppedInstances(facts([recent])).findings).toEqual([]);
  });

  it("leaves alone a stopped instance in an Auto Scaling group's warm pool", () => {
    const root = volume({ resourceId: "vol-w" });
    const warm = instance(
      { state: "stopped", stateChangedAt: stoppedOn("2026-08-01") },
      { asgName: "web-legacy", volumeIds: ["vol-w"] },
    );
    expect(detectStoppedInstances(facts([warm, root])).findings).toEqual([]);
  });

  it("reports an unknown stop time as insufficient data", () => {
    const unknown = instance({ state: "stopped", stateChangedAt: null });
    const result = detectStoppedInstances(facts([unknown]));
    expect(result.findings).toEqual([]);
    expect(result.insufficientData).toHaveLength(1);
  });

  it("makes no finding when a volume type has no price", () => {
    const io2 = volume({ resourceId: "vol-io2" }, { volumeType: "io2" });
    const old = instance({ state: "stopped", stateChangedAt: stoppedOn("2026-01-01") }, { volumeIds: ["vol-io2"] });
    const result = detectStoppedInstances(facts([old, io2], {}, { prices: STANDARD_PRICES }));
    expect(result.findings).toEqual([]);
    expect(result.missingPrices).toMatchObject([{ kind: "EBS_GB_MONTH", key: "io2" }]);
  });
});
