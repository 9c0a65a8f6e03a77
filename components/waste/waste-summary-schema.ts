// The Waste overview's totals, read from lib/queries/recommendations.ts's getWasteSummary and checked:
// money stays an exact decimal string.
import { z } from "zod";
import { RecommendationType } from "@/lib/db/generated/enums";
import { moneySchema } from "./recommendation-schemas";
import { sumDecimals } from "./sort-recommendations";
import type { SquadSavingRow, TypeSavingRow } from "./waste-summary";

const row = { count: z.number().int().nonnegative(), monthlySaving: moneySchema };

export const wasteSummarySchema = z.object({
  /** resources with open waste, each once */
  count: z.number().int().nonnegative(),
  /** each resource once, at its largest saving */
  total: moneySchema,
  /** count and monthlySaving: each resource once, under its largest saving's type; gross: the type's own sum */
  byType: z.array(z.object({ type: z.enum(RecommendationType), ...row, grossMonthlySaving: moneySchema.optional() })),
  bySquad: z.array(z.object({ squad: z.string().nullable(), ...row })),
});

export interface WasteSummaryView {
  count: number;
  monthlySaving: string;
  yearlySaving: string;
  byType: TypeSavingRow[];
  bySquad: SquadSavingRow[];
}

export function readWasteSummary(raw: unknown): WasteSummaryView {
  const { total, byType, ...summary } = wasteSummarySchema.parse(raw);
  return {
    ...summary,
    byType: byType.map((row) => ({ ...row, grossMonthlySaving: row.grossMonthlySaving ?? row.monthlySaving })),
    monthlySaving: total,
    yearlySaving: sumDecimals(Array.from({ length: 12 }, () => total)),
  };
}
