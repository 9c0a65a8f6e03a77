// What every GitHub route handler receives, and the small helpers they share to answer.
import { randomUUID } from "node:crypto";
import type { ZodType } from "zod";
import type { SimContext, SimRequest, SimResponse } from "../../server/types";
import { GitHubError, type FieldError } from "./errors";
import { REPO_NAME, REPO_OWNER } from "./identity";

export interface GitHubCall {
  req: SimRequest;
  ctx: SimContext;
  params: Record<string, string>;
  /** The bare repository. */
  dir: string;
  urls: Urls;
  /** Called after a merge moved main from one commit to another (the sandbox applies its effect). */
  afterMerge: (before: string, after: string) => Promise<void>;
}

export interface Urls {
  api: string;
  repoApi: string;
  html: string;
}

export function urlsFor(ctx: SimContext): Urls {
  const api = `${ctx.baseUrl}/github`;
  return { api, repoApi: `${api}/repos/${REPO_OWNER}/${REPO_NAME}`, html: `${api}/${REPO_OWNER}/${REPO_NAME}` };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): SimResponse {
  return {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "x-github-media-type": "github.v3",
      "x-github-request-id": randomUUID().toUpperCase(),
      ...headers,
    },
    body: JSON.stringify(body),
  };
}

export function noContent(): SimResponse {
  return { status: 204, headers: {}, body: "" };
}

/** Parses a JSON body with a schema; malformed JSON is a 400, a schema mismatch a 422 as GitHub answers. */
export function parseBody<T>(call: GitHubCall, schema: ZodType<T>, resource: string): T {
  let raw: unknown = {};
  const text = call.req.body.toString("utf8").trim();
  if (text !== "") {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new GitHubError(400, "Problems parsing JSON");
    }
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.map((issue) => ({
    resource,
    field: issue.path.join("."),
    code: valueAt(raw, issue.path) === undefined ? "missing_field" : "invalid",
  }));
  throw new GitHubError(422, "Validation Failed", errors);
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[step];
  }
  return current;
}
