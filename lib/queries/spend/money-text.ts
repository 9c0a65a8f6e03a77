// Amounts leave the database as numeric text and reach the wire as plain decimal strings ("1234.5"), never
// floats and never exponent notation.
import { Decimal } from "../../db/decimal";

export function moneyText(value: string | null | undefined | { toString(): string }): string {
  if (value === null || value === undefined) return "0";
  return new Decimal(value.toString()).toFixed();
}

/** Relative change as a fraction ("0.125" = +12.5%), six decimals; null when there is nothing before. */
export function relativeChange(current: string, previous: string): string | null {
  const before = new Decimal(previous);
  if (before.isZero()) return null;
  return new Decimal(current).minus(before).dividedBy(before.abs()).toDecimalPlaces(6).toFixed();
}
