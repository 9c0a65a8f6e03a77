import { describe, expect, it } from "vitest";
import {
  compareAmounts,
  isZeroToTheCent,
  percentChange,
  subtractAmounts,
  sumAmounts,
} from "@/components/charts/exact-decimal";
import { formatShare } from "@/components/spend/format-share";

describe("exact decimal strings in the browser", () => {
  it("sums without float drift", () => {
    expect(sumAmounts(["0.1", "0.2"])).toBe("0.3");
    expect(sumAmounts(["0.1000000001", "0.2000000002", "-0.0000000003"])).toBe("0.3");
    expect(sumAmounts([])).toBe("0");
    expect(sumAmounts(["90071992547409.93", "0.01"])).toBe("90071992547409.94");
  });

  it("subtracts and compares exactly", () => {
    expect(subtractAmounts("10", "10.0000000001")).toBe("-0.0000000001");
    expect(compareAmounts("2.5", "10")).toBe(-1);
    expect(compareAmounts("10.00", "10")).toBe(0);
    expect(compareAmounts("-1", "-2")).toBe(1);
  });

  it("refuses what is not a decimal amount", () => {
    expect(() => sumAmounts(["1e3"])).toThrow(/not a decimal amount/);
    expect(() => sumAmounts(["abc"])).toThrow();
  });

  it("calls an amount zero when it shows as $0.00", () => {
    expect(isZeroToTheCent("0")).toBe(true);
    expect(isZeroToTheCent("0.0049999999")).toBe(true);
    expect(isZeroToTheCent("-0.0049")).toBe(true);
    expect(isZeroToTheCent("0.005")).toBe(false);
    expect(isZeroToTheCent("-0.01")).toBe(false);
  });

  it("computes a percentage change to a tenth, and none from zero", () => {
    expect(percentChange("110", "100")).toBe(10);
    expect(percentChange("100", "110")).toBe(-9.1);
    expect(percentChange("100.05", "100")).toBe(0.1);
    expect(percentChange("5", "0")).toBeNull();
  });

  it("formats an owned share without floats", () => {
    expect(formatShare("0.934512")).toBe("93.5%");
    expect(formatShare("0.934449")).toBe("93.4%");
    expect(formatShare("1")).toBe("100.0%");
    expect(formatShare("0")).toBe("0.0%");
    expect(formatShare("nope")).toBe("—");
  });
});
