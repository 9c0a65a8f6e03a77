// Totals that count each resource once: an instance that is both a zombie and a rightsizing candidate
// saves its larger saving (deleting it), not the sum of both.
import { Decimal } from "../db/decimal";

export interface SavingItem {
  accountId: string;
  region: string;
  resourceId: string;
  monthlySaving: Decimal | string;
}

export function resourceKey(item: Pick<SavingItem, "accountId" | "region" | "resourceId">): string {
  return `${item.accountId}|${item.region}|${item.resourceId}`;
}

/** The largest saving of each resource, summed. */
export function totalSavings(recommendations: readonly SavingItem[]): Decimal {
  const largest = new Map<string, Decimal>();
  for (const item of recommendations) {
    const saving = new Decimal(item.monthlySaving);
    const key = resourceKey(item);
    const held = largest.get(key);
    if (!held || saving.gt(held)) largest.set(key, saving);
  }
  return [...largest.values()].reduce((sum, value) => sum.add(value), new Decimal(0));
}
