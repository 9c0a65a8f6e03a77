// A figure against the one before it, exactly: the difference and the relative change (a fraction with six
// decimals, null when there was nothing before).
import { Decimal } from "../db/decimal";

export interface Comparison {
  current: string;
  previous: string;
  change: string;
  /** (current - previous) / |previous|, "0.125" = +12.5%; null when previous is zero */
  ratio: string | null;
}

export function compare(current: string | Decimal, previous: string | Decimal): Comparison {
  const now = new Decimal(current);
  const before = new Decimal(previous);
  return {
    current: now.toFixed(),
    previous: before.toFixed(),
    change: now.minus(before).toFixed(),
    ratio: before.isZero() ? null : now.minus(before).dividedBy(before.abs()).toDecimalPlaces(6).toFixed(),
  };
}

export function sumAmounts(amounts: Iterable<string | Decimal>): Decimal {
  let total = new Decimal(0);
  for (const amount of amounts) total = total.plus(amount);
  return total;
}
