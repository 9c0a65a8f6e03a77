// A failed GitHub call reads as "GitHub <operation> failed (HTTP <status>): <message>", with Octokit's
// error as the cause, so a job log or a 502 names the exact step that broke.

export class GitHubCallError extends Error {
  constructor(
    readonly operation: string,
    /** the HTTP status GitHub answered, undefined when no answer came (network) or the body was malformed */
    readonly status: number | undefined,
    message: string,
    cause?: unknown,
  ) {
    super(`GitHub ${operation} failed${status === undefined ? "" : ` (HTTP ${status})`}: ${message}`, { cause });
    this.name = "GitHubCallError";
  }
}

/** Missing or contradictory GitHub settings: nothing can be called until the deployment is fixed. */
export class GitHubConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GitHubConfigError";
  }
}

interface HttpErrorLike {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

export function isHttpError(error: unknown): error is HttpErrorLike {
  if (!(error instanceof Error)) return false;
  const status: unknown = (error as unknown as { status?: unknown }).status;
  return typeof status === "number" && status > 0;
}

/** GitHub's own message (and its first validation error), which is more telling than Octokit's summary. */
export function githubMessage(error: HttpErrorLike): string {
  const data = error.response?.data;
  if (data && typeof data === "object") {
    const body = data as { message?: unknown; errors?: unknown };
    const first = Array.isArray(body.errors) ? (body.errors[0] as { message?: unknown; code?: unknown }) : undefined;
    const detail = typeof first?.message === "string" ? first.message : undefined;
    if (typeof body.message === "string") return detail ? `${body.message}: ${detail}` : body.message;
  }
  return error.message;
}
