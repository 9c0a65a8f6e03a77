// Why opening a pull request did not happen, with the HTTP status the routes answer it with. A refusal
// carries the planner's reason (and the CLI command for resources Terraform does not manage) for the page.
import type { Refusal } from "../terraform/fix-plan";

export type PullRequestErrorCode = "INVALID" | "NOT_FOUND" | "CONFLICT" | "REFUSED" | "BUSY" | "GITHUB" | "PLANNING";

const STATUS: Record<PullRequestErrorCode, number> = {
  INVALID: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  REFUSED: 422,
  BUSY: 503,
  GITHUB: 502,
  PLANNING: 502,
};

export class PullRequestError extends Error {
  constructor(
    readonly code: PullRequestErrorCode,
    message: string,
    readonly refusal?: Refusal,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "PullRequestError";
  }

  get httpStatus(): number {
    return STATUS[this.code];
  }
}

export function refused(refusal: Refusal): PullRequestError {
  return new PullRequestError("REFUSED", refusal.reason, refusal);
}
