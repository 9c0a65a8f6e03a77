// Errors the recommendation actions raise, with the HTTP status a route answers them with.
export type RecommendationErrorCode = "NOT_FOUND" | "CONFLICT" | "INVALID";

const STATUS: Record<RecommendationErrorCode, number> = { NOT_FOUND: 404, CONFLICT: 409, INVALID: 400 };

export class RecommendationError extends Error {
  constructor(
    readonly code: RecommendationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "RecommendationError";
  }

  get httpStatus(): number {
    return STATUS[this.code];
  }
}
