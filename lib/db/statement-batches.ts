// Splits rows into batches for statements written one after another. rowsPerStatement sizes a createMany:
// past 32,767 bind parameters (its Postgres limit) Prisma splits the statement itself and sends the parts
// concurrently on the transaction's one connection, which pg deprecates (pg 9 refuses it). Batches that
// stay under it keep every statement whole and sequential.
const MAX_PARAMETERS = 32_767;

/** Rows per statement for a row of `columns` parameters, with headroom for the statement's own. */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor((MAX_PARAMETERS - 1_000) / columns));
}

export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
