// Sorting the loaded recommendations. Money is compared as exact decimals, never as floats.
import type { ListSort } from "./list-filters";
import type { RecommendationItem } from "./recommendation-schemas";

/** Compares two decimal strings ("-12.5", "3", "0.0001") exactly. */
export function compareDecimals(a: string, b: string): number {
  const negativeA = a.startsWith("-");
  const negativeB = b.startsWith("-");
  const [intA = "0", fracA = ""] = (negativeA ? a.slice(1) : a).split(".");
  const [intB = "0", fracB = ""] = (negativeB ? b.slice(1) : b).split(".");
  const width = Math.max(fracA.length, fracB.length);
  const digitsA = BigInt(intA + fracA.padEnd(width, "0"));
  const digitsB = BigInt(intB + fracB.padEnd(width, "0"));
  const valueA = negativeA ? -digitsA : digitsA;
  const valueB = negativeB ? -digitsB : digitsB;
  return valueA === valueB ? 0 : valueA < valueB ? -1 : 1;
}

const text = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b, "en", { numeric: true });

const comparators: Record<ListSort["key"], (a: RecommendationItem, b: RecommendationItem) => number> = {
  saving: (a, b) => compareDecimals(a.monthlySaving, b.monthlySaving),
  current: (a, b) => compareDecimals(a.currentMonthlyCost, b.currentMonthlyCost),
  resource: (a, b) => text(a.resourceId, b.resourceId),
  squad: (a, b) => text(a.squad, b.squad),
  region: (a, b) => text(a.region, b.region),
  detected: (a, b) => text(a.detectedAt, b.detectedAt),
};

/** A sorted copy; ties keep a stable order by id so rows never jump between renders. */
export function sortRecommendations(items: readonly RecommendationItem[], sort: ListSort): RecommendationItem[] {
  const compare = comparators[sort.key];
  const sign = sort.direction === "asc" ? 1 : -1;
  return [...items].sort((a, b) => sign * compare(a, b) || a.id.localeCompare(b.id));
}

/** Exact sum of decimal strings, as a decimal string. */
export function sumDecimals(amounts: readonly string[]): string {
  let scale = 0;
  for (const amount of amounts) scale = Math.max(scale, amount.split(".")[1]?.length ?? 0);
  let total = 0n;
  for (const amount of amounts) {
    const negative = amount.startsWith("-");
    const [int = "0", frac = ""] = (negative ? amount.slice(1) : amount).split(".");
    const digits = BigInt(int + frac.padEnd(scale, "0"));
    total += negative ? -digits : digits;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale ? `.${digits.slice(digits.length - scale)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}
