// The savings arithmetic: exact decimals, 730 hours a month, GB-month prices as they are.
import { Decimal } from "../db/decimal";

export const HOURS_PER_MONTH = 730;
/** AWS bills data processing per GB of 2^30 bytes. */
export const BYTES_PER_GB = 1024 ** 3;

export function monthlyFromHourly(usdPerHour: Decimal): Decimal {
  return usdPerHour.mul(HOURS_PER_MONTH);
}

/** A daily volume (GB a day) billed per GB, over a 730-hour month. */
export function monthlyFromDailyGb(gbPerDay: Decimal, usdPerGb: Decimal): Decimal {
  return gbPerDay.mul(usdPerGb).mul(HOURS_PER_MONTH).div(24);
}

/** Bytes (a float from CloudWatch) to GB as an exact decimal, rounded to the byte. */
export function bytesToGb(bytes: number): Decimal {
  return new Decimal(Math.round(bytes)).div(BYTES_PER_GB);
}

export function sumDecimals(values: readonly Decimal[]): Decimal {
  return values.reduce((total, value) => total.add(value), new Decimal(0));
}

/** Money as the evidence writes it: a plain decimal string (no exponent), to the micro-dollar. */
export function moneyString(value: Decimal): string {
  return value.toDecimalPlaces(6).toFixed();
}

/** "$1,234.56" for sentences in evidence. */
export function usd(value: Decimal): string {
  const fixed = value.toDecimalPlaces(2).toFixed(2);
  const [whole, cents] = fixed.split(".");
  return `$${(whole ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}
