// The request and response shapes of /api/recommendations, beside the handlers' one call each into lib/.
import { NextResponse } from "next/server";
import { z } from "zod";
import { plainText } from "../validation/plain-text";
import { describeDatabaseError } from "../db/describe-error";
import { evidenceSchema } from "./evidence";
import { RecommendationError } from "./recommendation-errors";
import {
  RECOMMENDATION_STATUS_VALUES,
  RECOMMENDATION_TYPE_VALUES,
  recommendationStatusSchema,
  recommendationTypeSchema,
} from "./recommendation-types";

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const listQuerySchema = z.object({
  type: z.preprocess(blankToUndefined, recommendationTypeSchema.optional()),
  status: z.preprocess(blankToUndefined, recommendationStatusSchema.optional()),
  squad: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
      .optional(),
  ),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(50)),
  cursor: z.preprocess(blankToUndefined, z.string().max(500).optional()),
});

/** What each query parameter accepts, for the 400 message (never the raw input). */
export const LIST_QUERY_HELP: Record<string, string> = {
  type: `type must be one of ${RECOMMENDATION_TYPE_VALUES.map((t) => t.toLowerCase().replaceAll("_", "-")).join(", ")}`,
  status: `status must be one of ${RECOMMENDATION_STATUS_VALUES.join(", ")}`,
  squad: "squad must be a squad slug (lower-case letters, digits and dashes)",
  limit: "limit must be a whole number from 1 to 200",
  cursor: "cursor must be the nextCursor of a previous page",
};

const money = z.string().regex(/^-?\d+(\.\d+)?$/);
const type = z.enum(RECOMMENDATION_TYPE_VALUES);
const status = z.enum(RECOMMENDATION_STATUS_VALUES);

export const listItemSchema = z.object({
  id: z.string(),
  type,
  resourceId: z.string(),
  accountId: z.string(),
  region: z.string(),
  squad: z.string().nullable(),
  status,
  monthlySaving: money,
  currentMonthlyCost: money,
  projectedMonthlyCost: money,
  terraformAddress: z.string().nullable(),
  detectedAt: z.string(),
});

export const listResponseSchema = z.object({ items: z.array(listItemSchema), nextCursor: z.string().nullable() });

export const detailResponseSchema = listItemSchema.extend({
  squadName: z.string().nullable(),
  evidence: evidenceSchema.nullable(),
  dismissedReason: z.string().nullable(),
  dismissedBy: z.string().nullable(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resource: z
    .object({
      kind: z.string(),
      name: z.string().nullable(),
      state: z.string(),
      sizeType: z.string().nullable(),
      teamTag: z.string(),
      environmentTag: z.string(),
      goneOn: z.string().nullable(),
    })
    .nullable(),
  tags: z.record(z.string(), z.string()),
});

export const dismissBodySchema = z.object({ reason: plainText().trim().min(3).max(500) });

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export function errorResponse(status: number, message: string) {
  return NextResponse.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}

/** A RecommendationError to its status; anything else is logged and answered without its detail. */
export function failure(route: string, error: unknown) {
  if (error instanceof RecommendationError) return errorResponse(error.httpStatus, error.message);
  console.error(`[costlens] ${route} failed:`, error);
  const problem = describeDatabaseError(error);
  return errorResponse(503, problem.title);
}
