// The JSON the spend read models produce and the spend API answers: one contract for the route handlers
// that parse their output and the browser that checks what it receives. Amounts are exact decimal strings
// (never exponent notation, see money-text.ts), days ISO, `to` exclusive. zod only: safe in client bundles.
import { z } from "zod";

const amount = z.string().regex(/^-?\d+(\.\d+)?$/, "an exact decimal amount");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a YYYY-MM-DD day");

export const squadsSpendSchema = z.object({
  from: day,
  to: day,
  bill: amount,
  squads: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      total: amount,
      previousTotal: amount,
      /** (total - previous) / |previous| as a fraction, null when nothing was spent before */
      change: z.string().nullable(),
    }),
  ),
  shared: amount,
  idle: amount,
  unallocated: amount,
});
export type SquadsSpend = z.infer<typeof squadsSpendSchema>;

export const squadSpendSchema = z.object({
  squad: z.object({ slug: z.string(), name: z.string(), costCentre: z.string().nullable() }),
  from: day,
  to: day,
  groupBy: z.enum(["namespace", "service"]),
  total: amount,
  previousTotal: amount,
  days: z.array(z.object({ day, total: amount, groups: z.record(z.string(), amount) })),
  groups: z.array(z.object({ key: z.string(), total: amount })),
});
export type SquadSpend = z.infer<typeof squadSpendSchema>;

export const reconciliationSchema = z.object({
  days: z.array(
    z.object({
      day,
      bill: amount,
      allocated: amount,
      shared: amount,
      idle: amount,
      unallocated: amount,
      difference: amount,
    }),
  ),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;
