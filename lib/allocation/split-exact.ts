// Splits an amount into parts proportional to weights, exactly: every part is a multiple of 1e-10 (the
// scale of numeric(20,10)) and the parts add up to the whole. Largest remainder: each part gets the floor
// of its exact share, and the units left over go one each to the largest remainders (ties: first weight).
import { Decimal } from "../db/decimal";

const SCALE = 10n ** 10n;

function toUnits(value: Decimal): bigint {
  // Decimal to integer units of 1e-10, rounding half up beyond the tenth decimal (weights only; amounts
  // passed in are already at that scale).
  return BigInt(value.times(SCALE.toString()).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
}

function fromUnits(units: bigint): Decimal {
  return new Decimal(units.toString()).dividedBy(SCALE.toString());
}

/**
 * Parts of `total` proportional to `weights` (negative weights count as zero). When every weight is zero
 * the split is even. The parts sum to `total` rounded to 1e-10 (exactly `total` for amounts from the
 * database). An empty weight list throws: there is nobody to give the amount to.
 */
export function splitExact(total: Decimal, weights: readonly Decimal[]): Decimal[] {
  if (weights.length === 0) throw new Error("splitExact needs at least one weight");
  const totalUnits = toUnits(total);
  const negative = totalUnits < 0n;
  const magnitude = negative ? -totalUnits : totalUnits;
  let units = weights.map((weight) => {
    const u = toUnits(weight);
    return u > 0n ? u : 0n;
  });
  let sum = units.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    units = weights.map(() => 1n);
    sum = BigInt(weights.length);
  }
  const parts = units.map((u) => (magnitude * u) / sum);
  const remainders = units.map((u, index) => ({ index, remainder: (magnitude * u) % sum }));
  let left = magnitude - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    parts[index] = parts[index]! + 1n;
    left -= 1n;
  }
  return parts.map((part) => fromUnits(negative ? -part : part));
}
