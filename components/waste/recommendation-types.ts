// The recommendation types and statuses as the Waste pages spell them: enum values in the API, kebab case
// in URLs (/waste/zombie-instance), human labels on screen.
import { RecommendationStatus, RecommendationType } from "@/lib/db/generated/enums";
import { recommendationTypeLabel, statusLabel } from "../ui/labels";

export type { RecommendationStatus, RecommendationType };

export const recommendationTypes = Object.values(RecommendationType);
export const recommendationStatuses = Object.values(RecommendationStatus);

export function isRecommendationType(value: unknown): value is RecommendationType {
  return typeof value === "string" && (recommendationTypes as string[]).includes(value);
}

export function isRecommendationStatus(value: unknown): value is RecommendationStatus {
  return typeof value === "string" && (recommendationStatuses as string[]).includes(value);
}

/** ZOMBIE_INSTANCE -> "zombie-instance" */
export function typeToSlug(type: RecommendationType): string {
  return type.toLowerCase().replaceAll("_", "-");
}

/** "zombie-instance" -> ZOMBIE_INSTANCE; anything else (including "ZOMBIE_INSTANCE") -> null. */
export function typeFromSlug(slug: string): RecommendationType | null {
  if (!/^[a-z]+(-[a-z]+)*$/.test(slug)) return null;
  const type = slug.toUpperCase().replaceAll("-", "_");
  return isRecommendationType(type) ? type : null;
}

export function typeLabel(type: string): string {
  return recommendationTypeLabel[type] ?? type;
}

export function recommendationStatusLabel(status: string): string {
  return statusLabel[status] ?? status;
}

export function wasteTypeHref(type: RecommendationType, filters: { squad?: string | null } = {}): string {
  const query = filters.squad ? `?${new URLSearchParams({ squad: filters.squad })}` : "";
  return `/waste/${typeToSlug(type)}${query}`;
}

export function recommendationHref(id: string): string {
  return `/waste/recommendations/${encodeURIComponent(id)}`;
}
