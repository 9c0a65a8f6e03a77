// GitHub's error bodies: `{ message, documentation_url }`, plus `errors` on 422 validation failures.
import { SimError } from "../../server/types";

export interface FieldError {
  resource: string;
  code: string;
  field?: string;
  message?: string;
}

export class GitHubError extends SimError {
  constructor(
    status: number,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(`github_${status}`, message, status);
    this.name = "GitHubError";
  }
}

export const notFound = () => new GitHubError(404, "Not Found");
export const badCredentials = () => new GitHubError(401, "Bad credentials");
export const validationFailed = (...errors: FieldError[]) => new GitHubError(422, "Validation Failed", errors);
export const unprocessable = (message: string) => new GitHubError(422, message);

export function errorBody(error: SimError): Record<string, unknown> {
  return {
    message: error.message,
    ...(error instanceof GitHubError && error.errors ? { errors: error.errors } : {}),
    documentation_url: "https://docs.github.com/rest",
    status: String(error.status),
  };
}
