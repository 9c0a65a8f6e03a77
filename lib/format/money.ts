// One currency formatter for every page, chart label and table. Amounts arrive as exact decimal strings;
// Intl formats a numeric string without turning it into a float first, so what is shown is the exact
// amount rounded once, half away from zero, the way a bill rounds.
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", roundingMode: "halfExpand" });
const usdWhole = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
  roundingMode: "halfExpand",
});
const usdCompact = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});

type Amount = string | { toString(): string };

// Intl accepts exact decimal strings at run time (ECMA-402 "Intl.NumberFormat v3"); TypeScript's lib types
// only list number and bigint.
const exact = (amount: Amount) => amount.toString() as unknown as number;

/** "$1,234.57" */
export function formatUsd(amount: Amount): string {
  return usd.format(exact(amount));
}

/** "$1,235": for headline figures where cents are noise. */
export function formatUsdWhole(amount: Amount): string {
  return usdWhole.format(exact(amount));
}

/** "$1.2K": for chart axes only. */
export function formatUsdCompact(amount: number): string {
  return usdCompact.format(amount);
}
