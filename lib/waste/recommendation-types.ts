// Recommendation types as the API spells them ("zombie-instance") and as the database does (ZOMBIE_INSTANCE).
import { z } from "zod";
import type { RecommendationStatus, RecommendationType } from "../db/generated/enums";

export const RECOMMENDATION_TYPE_VALUES = [
  "ZOMBIE_INSTANCE",
  "STOPPED_INSTANCE",
  "ORPHAN_VOLUME",
  "IDLE_REPLICA",
  "NAT_WASTE",
  "RIGHTSIZING",
  "NON_PROD_ALWAYS_ON",
] as const satisfies readonly RecommendationType[];

export const RECOMMENDATION_STATUS_VALUES = [
  "OPEN",
  "DISMISSED",
  "IN_PROGRESS",
  "RESOLVED",
  "REALISED",
] as const satisfies readonly RecommendationStatus[];

export function typeSlug(type: RecommendationType): string {
  return type.toLowerCase().replaceAll("_", "-");
}

/** "zombie-instance", "zombie_instance" or "ZOMBIE_INSTANCE" -> ZOMBIE_INSTANCE. */
export const recommendationTypeSchema = z
  .string()
  .transform((value) => value.trim().toUpperCase().replaceAll("-", "_"))
  .pipe(z.enum(RECOMMENDATION_TYPE_VALUES));

export const recommendationStatusSchema = z
  .string()
  .transform((value) => value.trim().toUpperCase().replaceAll("-", "_"))
  .pipe(z.enum(RECOMMENDATION_STATUS_VALUES));
