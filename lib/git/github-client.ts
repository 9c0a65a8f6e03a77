// The one way CostLens talks to GitHub: Octokit pointed at GITHUB_API_URL (GitHub Enterprise works by base
// URL: https://HOST/api/v3), authenticated with GITHUB_TOKEN or a GitHub App installation token. Every call
// goes through `call`, which names the operation, retries 5xx answers and rate limits with backoff, and
// parses the body with the caller's zod schema, so nothing unchecked from GitHub reaches the domain.
import { Octokit } from "@octokit/rest";
import type { ZodType } from "zod";
import { getConfig, type Config } from "../config/env";
import { installationToken, type GitHubAppCredentials } from "./github-app-token";
import { GitHubCallError, GitHubConfigError, githubMessage, isHttpError } from "./github-errors";

export interface GitHubRepository {
  owner: string;
  repo: string;
}

export interface GitHubClient {
  /** TERRAFORM_REPO, split */
  repository: GitHubRepository;
  /** "owner/name", as stored on pull_requests.repo */
  fullName: string;
  octokit: Octokit;
  /**
   * One GitHub operation: retried on 5xx and rate limits, failures thrown as GitHubCallError naming
   * `operation` (e.g. "pulls.create"), the response's data parsed with `schema`.
   */
  call<T>(operation: string, schema: ZodType<T>, send: (octokit: Octokit) => Promise<{ data: unknown }>): Promise<T>;
}

export interface RetryPolicy {
  /** attempts in all, the first included */
  attempts: number;
  /** first backoff; doubled each retry, with jitter */
  baseDelayMs: number;
  /** no single wait is longer, whatever Retry-After asks */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

const defaultRetry: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 300,
  maxDelayMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

type Headers = Record<string, string | number | undefined>;

/** 5xx, 429, and the 403s GitHub uses for primary and secondary rate limits are worth another try. */
function isRetryable(status: number, message: string, headers: Headers): boolean {
  if (status >= 500 || status === 429) return true;
  if (status !== 403) return false;
  return (
    /secondary rate limit|abuse/i.test(message) ||
    headers["retry-after"] !== undefined ||
    String(headers["x-ratelimit-remaining"]) === "0"
  );
}

/** Retry-After (seconds) or X-RateLimit-Reset (epoch seconds) when GitHub says, else exponential backoff. */
function delayFor(attempt: number, headers: Headers, policy: RetryPolicy): number {
  const retryAfter = Number(headers["retry-after"]);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return Math.min(retryAfter * 1000, policy.maxDelayMs);
  const reset = Number(headers["x-ratelimit-reset"]);
  if (String(headers["x-ratelimit-remaining"]) === "0" && Number.isFinite(reset)) {
    return Math.min(Math.max(reset * 1000 - Date.now(), 0), policy.maxDelayMs);
  }
  const backoff = policy.baseDelayMs * 2 ** attempt;
  return Math.min(backoff + Math.random() * backoff * 0.25, policy.maxDelayMs);
}

export async function callWithRetry<T>(
  operation: string,
  schema: ZodType<T>,
  send: () => Promise<{ data: unknown }>,
  policy: RetryPolicy = defaultRetry,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    let data: unknown;
    try {
      ({ data } = await send());
    } catch (error) {
      if (!isHttpError(error)) {
        const message = error instanceof Error ? error.message : String(error);
        throw new GitHubCallError(operation, undefined, message, error);
      }
      const message = githubMessage(error);
      const headers = error.response?.headers ?? {};
      if (attempt + 1 < policy.attempts && isRetryable(error.status, message, headers)) {
        await policy.sleep(delayFor(attempt, headers, policy));
        continue;
      }
      throw new GitHubCallError(operation, error.status, message, error);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "unexpected body";
      throw new GitHubCallError(operation, undefined, `unexpected response (${where})`);
    }
    return parsed.data;
  }
}

function appCredentials(config: Config): GitHubAppCredentials | undefined {
  const { GITHUB_APP_ID: appId, GITHUB_APP_INSTALLATION_ID: installationId } = config;
  const privateKey = config.GITHUB_APP_PRIVATE_KEY;
  const given = [appId, installationId, privateKey].filter((value) => value !== undefined).length;
  if (given === 0) return undefined;
  if (!appId || !installationId || !privateKey) {
    throw new GitHubConfigError(
      "GitHub App authentication needs GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID and GITHUB_APP_PRIVATE_KEY together",
    );
  }
  return { appId, installationId, privateKey };
}

export function parseRepository(fullName: string | undefined): GitHubRepository {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(fullName ?? "");
  if (!match) throw new GitHubConfigError("TERRAFORM_REPO is not set: name the repository as owner/name");
  return { owner: match[1]!, repo: match[2]! };
}

/**
 * A client for TERRAFORM_REPO. A GitHub App wins over GITHUB_TOKEN when both are configured, since an
 * installation token is scoped to the repositories the app was granted.
 */
export function createGitHubClient(config: Config = getConfig(), retry: RetryPolicy = defaultRetry): GitHubClient {
  const repository = parseRepository(config.TERRAFORM_REPO);
  const baseUrl = config.GITHUB_API_URL.replace(/\/+$/, "");
  const app = appCredentials(config);
  if (!app && !config.GITHUB_TOKEN) {
    throw new GitHubConfigError("GitHub access needs GITHUB_TOKEN, or the GITHUB_APP_* variables of a GitHub App");
  }
  const octokit = new Octokit({
    baseUrl,
    userAgent: "costlens",
    ...(app ? {} : { auth: config.GITHUB_TOKEN }),
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  if (app) {
    octokit.hook.before("request", async (options) => {
      options.headers.authorization = `token ${await installationToken(baseUrl, app)}`;
    });
  }
  return {
    repository,
    fullName: `${repository.owner}/${repository.repo}`,
    octokit,
    call: (operation, schema, send) => callWithRetry(operation, schema, () => send(octokit), retry),
  };
}
