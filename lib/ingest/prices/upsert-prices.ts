// Writes prices on their natural key (kind, region, key, effective date), all in one transaction: a
// price AWS changes arrives with a new effective date and becomes a new row, so history is kept, and a
// rerun rewrites the same rows with the same values.
import type { PrismaClient } from "../../db/generated/client";
import { Decimal } from "../../db/decimal";
import { fromIsoDay } from "../../format/dates";
import type { PriceRow } from "./read-price-document";

/** One row per natural key; where two products claim the same key, the lowest SKU wins (deterministic). */
export function uniquePrices(rows: readonly PriceRow[]): PriceRow[] {
  const byKey = new Map<string, PriceRow>();
  for (const row of [...rows].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))) {
    const key = `${row.kind}|${row.region}|${row.key}|${row.effectiveDate}`;
    if (!byKey.has(key)) byKey.set(key, row);
  }
  return [...byKey.values()];
}

export async function upsertPrices(prisma: PrismaClient, rows: readonly PriceRow[]): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      for (const row of rows) {
        const effectiveDate = fromIsoDay(row.effectiveDate);
        const values = { unit: row.unit, usdPerUnit: new Decimal(row.usdPerUnit), sku: row.sku, fetchedAt: new Date() };
        await tx.price.upsert({
          where: { kind_region_key_effectiveDate: { kind: row.kind, region: row.region, key: row.key, effectiveDate } },
          create: { kind: row.kind, region: row.region, key: row.key, effectiveDate, ...values },
          update: values,
          select: { id: true },
        });
      }
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}
