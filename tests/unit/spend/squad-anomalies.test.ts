import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/format/dates";
import { findAnomalies, type DriverDay } from "@/lib/queries/squad-insights";

// 14 baseline days alternating 100 / 102 (mean 101, sd 1), split between a namespace and a service.
function baseline(first: string): DriverDay[] {
  return Array.from({ length: 14 }, (_, index) => ({
    day: addDays(first, index),
    drivers: { "namespace:checkout-api": index % 2 === 0 ? "60" : "62", "service:Amazon RDS": "40" },
  }));
}

describe("spend anomalies", () => {
  it("flags a day far above its trailing 14-day baseline and names what drove it", () => {
    const days = [
      ...baseline("2026-10-01"),
      { day: "2026-10-15", drivers: { "namespace:checkout-api": "61", "service:Amazon RDS": "90" } },
    ];
    const anomalies = findAnomalies(days, { from: "2026-10-15", to: "2026-10-16" });
    expect(anomalies).toHaveLength(1);
    expect(anomalies[0]).toMatchObject({
      day: "2026-10-15",
      total: "151",
      baseline: "101",
      abovePercent: 49.5,
      driver: { kind: "service", key: "Amazon RDS", amount: "90", baseline: "40" },
    });
  });

  it("ignores a rise within three standard deviations or under 20%", () => {
    const noisy = Array.from({ length: 14 }, (_, index) => ({
      day: addDays("2026-10-01", index),
      drivers: { "service:EC2": index % 2 === 0 ? "50" : "150" },
    }));
    const days = [...noisy, { day: "2026-10-15", drivers: { "service:EC2": "200" } }];
    expect(findAnomalies(days, { from: "2026-10-15", to: "2026-10-16" })).toEqual([]);

    const steady = [
      ...baseline("2026-10-01"),
      { day: "2026-10-15", drivers: { "namespace:checkout-api": "75", "service:Amazon RDS": "40" } },
    ];
    // 115 is above mean + 3 sd (104) but only 13.9% above the mean.
    expect(findAnomalies(steady, { from: "2026-10-15", to: "2026-10-16" })).toEqual([]);
  });

  it("needs at least a week of history before judging a day", () => {
    const days = [
      { day: "2026-10-10", drivers: { "service:EC2": "1" } },
      { day: "2026-10-11", drivers: { "service:EC2": "1000" } },
    ];
    expect(findAnomalies(days, { from: "2026-10-11", to: "2026-10-12" })).toEqual([]);
  });

  it("names a namespace when a namespace drove the jump", () => {
    const days = [
      ...baseline("2026-10-01"),
      { day: "2026-10-15", drivers: { "namespace:checkout-api": "160", "service:Amazon RDS": "40" } },
    ];
    expect(findAnomalies(days, { from: "2026-10-15", to: "2026-10-16" })[0]?.driver).toMatchObject({
      kind: "namespace",
      key: "checkout-api",
      amount: "160",
    });
  });
});
