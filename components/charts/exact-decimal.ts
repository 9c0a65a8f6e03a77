// Exact arithmetic on decimal strings for the browser (Prisma's Decimal stays on the server): amounts are
// scaled to BigInt at 10 places, the precision of every money column, so sums and differences never drift.
const SCALE = 10;
const FACTOR = 10n ** BigInt(SCALE);

function toScaled(amount: string): bigint {
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(amount.trim());
  if (!match || (match[2] === "" && !match[3])) throw new Error(`not a decimal amount: "${amount}"`);
  const [, sign, whole = "", fraction = ""] = match;
  const digits = BigInt(whole || "0") * FACTOR + BigInt((fraction + "0".repeat(SCALE)).slice(0, SCALE) || "0");
  return sign ? -digits : digits;
}

function fromScaled(value: bigint): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const whole = magnitude / FACTOR;
  const fraction = (magnitude % FACTOR).toString().padStart(SCALE, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** The exact sum of decimal strings ("0" for none). */
export function sumAmounts(amounts: Iterable<string>): string {
  let total = 0n;
  for (const amount of amounts) total += toScaled(amount);
  return fromScaled(total);
}

/** a - b, exactly. */
export function subtractAmounts(a: string, b: string): string {
  return fromScaled(toScaled(a) - toScaled(b));
}

/** Compares two amounts: -1, 0 or 1. */
export function compareAmounts(a: string, b: string): number {
  const difference = toScaled(a) - toScaled(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/** True when the amount rounds to 0.00 (what a reader would see as zero). */
export function isZeroToTheCent(amount: string): boolean {
  const scaled = toScaled(amount);
  const halfCent = FACTOR / 200n;
  return scaled < halfCent && scaled > -halfCent;
}

/**
 * The change from `previous` to `current` as a percentage with one decimal, computed exactly; null when
 * there is nothing to compare against (a previous total of zero).
 */
export function percentChange(current: string, previous: string): number | null {
  const base = toScaled(previous);
  if (base === 0n) return null;
  const tenthsOfPercent = ((toScaled(current) - base) * 2000n) / (base < 0n ? -base : base);
  // round half away from zero from twentieths to tenths
  const rounded = tenthsOfPercent >= 0n ? (tenthsOfPercent + 1n) / 2n : (tenthsOfPercent - 1n) / 2n;
  return Number(rounded) / 10;
}
