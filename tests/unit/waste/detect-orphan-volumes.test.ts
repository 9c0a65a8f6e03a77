import { describe, expect, it } from "vitest";
import { detectOrphanVolumes } from "@/lib/waste/detect-orphan-volumes";
import { evidenceSchema } from "@/lib/waste/evidence";
import { addDays } from "@/lib/format/dates";
import { daily, facts, TODAY, volume } from "./facts";

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

  describe("first seen just now: dated by CloudWatch activity (AWS/EBS publishes only while attached)", () => {
    // the window: the day before the cutoff (2026-11-06) through the newest metrics day
    const WINDOW = Array.from({ length: 15 }, (_, i) => addDays("2026-11-05", i));
    const activity = (samples: (day: string) => number) =>
      ["AWS/EBS/VolumeReadOps", "AWS/EBS/VolumeWriteOps"].flatMap((metric) =>
        daily(metric, (i) => ({ samples: samples(WINDOW[i]!), sum: samples(WINDOW[i]!) > 0 ? 5000 : null }), WINDOW),
      );
    const fresh = () =>
      volume({ id: "vol-ref", state: "available", firstSeenAt: recently }, { createTime: "2025-06-01T00:00:00.000Z" });

    it("a volume silent over the whole window is an orphan, with the activity charted", () => {
      const result = detectOrphanVolumes(facts([fresh()], { "vol-ref": activity(() => 0) }));
      const [finding] = result.findings;
      expect(finding!.evidence.estimated).toBe(false);
      expect(finding!.evidence.summary).toContain("no read or write activity");
      expect(finding!.evidence.window.from).toBe("2026-11-05");
      expect(finding!.evidence.metrics.map((m) => m.metric)).toEqual([
        "AWS/EBS/VolumeReadOps",
        "AWS/EBS/VolumeWriteOps",
      ]);
      expect(result.insufficientData).toEqual([]);
    });

    it("the decoy: active until yesterday, so detached today, is left alone", () => {
      const result = detectOrphanVolumes(facts([fresh()], { "vol-ref": activity(() => 288) }));
      expect(result.findings).toEqual([]);
      expect(result.insufficientData).toEqual([]);
    });

    it("dates the detach from the last day with activity", () => {
      const early = detectOrphanVolumes(facts([fresh()], { "vol-ref": activity((d) => (d <= "2026-11-05" ? 96 : 0)) }));
      expect(early.findings[0]!.evidence.window.from).toBe("2026-11-05");
      expect(early.findings[0]!.evidence.summary).toContain(
        "last read or write activity (CloudWatch AWS/EBS) on 2026-11-05",
      );
      const late = detectOrphanVolumes(facts([fresh()], { "vol-ref": activity((d) => (d <= "2026-11-10" ? 96 : 0)) }));
      expect(late.findings).toEqual([]);
    });

    it("no activity stored (the metrics job has not covered it) is insufficient data, never a guess", () => {
      const result = detectOrphanVolumes(facts([fresh()]));
      expect(result.findings).toEqual([]);
      expect(result.insufficientData).toMatchObject([{ type: "ORPHAN_VOLUME", resourceRef: "vol-ref" }]);
      expect(result.insufficientData[0]!.reason).toContain("CloudWatch activity (AWS/EBS) is not stored for 15");
      const gap = activity(() => 0).filter((row) => row.day !== "2026-11-12");
      expect(detectOrphanVolumes(facts([fresh()], { "vol-ref": gap })).insufficientData).toHaveLength(1);
    });

    it("metrics that stop before the volume was first seen cannot date it", () => {
      const stale = detectOrphanVolumes(
        facts([fresh()], { "vol-ref": activity(() => 0) }, { metricsThrough: "2026-11-17" }),
      );
      expect(stale.findings).toEqual([]);
      expect(stale.insufficientData).toHaveLength(1);
    });

    it("a volume younger than the threshold is not judged at all", () => {
      const young = volume({ state: "available", firstSeenAt: recently }, { createTime: "2026-11-15T00:00:00.000Z" });
      const result = detectOrphanVolumes(facts([young]));
      expect(result.findings).toEqual([]);
      expect(result.insufficientData).toEqual([]);
    });
  });

  it("reports a missing price and makes no finding", () => {
    const sc1 = volume({ state: "available" }, { volumeType: "sc1", detachedAt: "2026-01-01T00:00:00.000Z" });
    const result = detectOrphanVolumes(facts([sc1]));
    expect(result.findings).toEqual([]);
    expect(result.missingPrices).toMatchObject([{ kind: "EBS_GB_MONTH", key: "sc1" }]);
  });
});
