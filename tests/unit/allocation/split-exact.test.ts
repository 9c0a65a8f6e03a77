import { describe, expect, it } from "vitest";
import { splitExact } from "@/lib/allocation/split-exact";
import { Decimal } from "@/lib/db/decimal";

const d = (value: string | number) => new Decimal(value);
const text = (parts: Decimal[]) => parts.map((part) => part.toFixed());
const sum = (parts: Decimal[]) => parts.reduce((a, b) => a.plus(b), d(0)).toFixed();

describe("splitExact", () => {
  it("splits 100 in three even parts that add up exactly, the spare unit to the first", () => {
    const parts = splitExact(d(100), [d(1), d(1), d(1)]);
    expect(text(parts)).toEqual(["33.3333333334", "33.3333333333", "33.3333333333"]);
    expect(sum(parts)).toBe("100");
  });

  it("splits proportionally, giving the spare units to the largest remainders", () => {
    const parts = splitExact(d("0.0000000010"), [d(3), d(3), d(4)]);
    expect(text(parts)).toEqual(["0.0000000003", "0.0000000003", "0.0000000004"]);
    const uneven = splitExact(d("10"), [d(1), d(2)]);
    expect(text(uneven)).toEqual(["3.3333333333", "6.6666666667"]);
  });

  it("splits negative amounts (credits) the same way, and evenly when every weight is zero or negative", () => {
    expect(text(splitExact(d(-10), [d(1), d(2)]))).toEqual(["-3.3333333333", "-6.6666666667"]);
    expect(text(splitExact(d(1), [d(0), d(-5)]))).toEqual(["0.5", "0.5"]);
  });

  it("always adds up to the whole on random inputs", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 500; i++) {
      const whole = d(Math.floor(random() * 1e12)).dividedBy(1e10);
      const weights = Array.from({ length: 1 + Math.floor(random() * 12) }, () => d(random().toFixed(8)));
      expect(sum(splitExact(whole, weights))).toBe(whole.toFixed());
    }
  });

  it("refuses an empty weight list", () => {
    expect(() => splitExact(d(1), [])).toThrow(/at least one weight/);
  });
});
