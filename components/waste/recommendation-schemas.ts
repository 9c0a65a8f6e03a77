// What the Waste pages read from GET /api/recommendations (and from the server's first render), checked
// at the boundary: money stays an exact decimal string, dates become ISO strings.
import { z } from "zod";
import { RecommendationStatus, RecommendationType } from "@/lib/db/generated/enums";

const decimalPattern = /^-?\d+(\.\d+)?$/;

/** Decimal, string or number-like objects from Prisma -> an exact decimal string. */
export const moneySchema = z.preprocess(
  (value) => (typeof value === "object" && value !== null ? String(value) : value),
  z.string().regex(decimalPattern, "expected a decimal amount"),
);

const isoDateTime = z.preprocess((value) => (value instanceof Date ? value.toISOString() : value), z.string().min(1));

export const recommendationItemSchema = z.object({
  id: z.string(),
  type: z.enum(RecommendationType),
  resourceId: z.string(),
  accountId: z.string(),
  region: z.string(),
  squad: z.string().nullable(),
  status: z.enum(RecommendationStatus),
  monthlySaving: moneySchema,
  currentMonthlyCost: moneySchema,
  projectedMonthlyCost: moneySchema,
  terraformAddress: z.string().nullable().optional(),
  detectedAt: isoDateTime,
});
export type RecommendationItem = z.infer<typeof recommendationItemSchema>;

export const recommendationPageSchema = z.object({
  items: z.array(recommendationItemSchema),
  nextCursor: z.string().nullable().optional(),
});
export type RecommendationPage = z.infer<typeof recommendationPageSchema>;

/** The part of a recommendation its status panel and actions need; the rest of the answer is ignored. */
export const recommendationStateSchema = z.object({
  id: z.string(),
  type: z.enum(RecommendationType),
  status: z.enum(RecommendationStatus),
  dismissedReason: z.string().nullable().optional(),
  dismissedBy: z.string().nullable().optional(),
  terraformAddress: z.string().nullable().optional(),
});
export type RecommendationState = z.infer<typeof recommendationStateSchema>;

/** Error bodies from the API: `{ error: "..." }` or `{ error: { message } }`; anything else is ignored. */
export function apiErrorMessage(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const { error, message } = body as { error?: unknown; message?: unknown };
  if (typeof error === "string") return error;
  if (typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string") {
    return (error as { message: string }).message;
  }
  return typeof message === "string" ? message : null;
}
