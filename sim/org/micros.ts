// Money as integer micro-dollars. Prices arrive as decimal strings ("0.384") and leave as decimal strings
// ("1234.56789"), so they go through string arithmetic rather than floats.
import type { Micros } from "./model";

export const MICROS_PER_DOLLAR = 1_000_000;

/** "0.384" -> 384000. Throws on more than six decimals, which no price we use has. */
export function microsFromDecimal(text: string): Micros {
  const match = /^(-?)(\d+)(?:\.(\d{1,6}))?$/.exec(text);
  if (!match) throw new Error(`not a decimal with at most six places: ${text}`);
  const [, sign, whole = "0", fraction = ""] = match;
  const micros = Number(whole) * MICROS_PER_DOLLAR + Number(fraction.padEnd(6, "0"));
  return sign === "-" ? -micros : micros;
}

/** 1234567890 -> "1234.56789"; 0 -> "0". Exact for every safe integer. */
export function formatMicros(micros: Micros): string {
  const sign = micros < 0 ? "-" : "";
  const absolute = Math.abs(micros);
  const whole = Math.floor(absolute / MICROS_PER_DOLLAR);
  const fraction = String(absolute % MICROS_PER_DOLLAR)
    .padStart(6, "0")
    .replace(/0+$/, "");
  return fraction === "" ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/** For display and tests only: dollars as a float. */
export function microsToDollars(micros: Micros): number {
  return micros / MICROS_PER_DOLLAR;
}

export function dollarsToMicros(dollars: number): Micros {
  return Math.round(dollars * MICROS_PER_DOLLAR);
}
