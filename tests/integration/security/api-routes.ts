// Every route handler module under app/api, found on disk so a new route is fuzzed without editing the
// suite: its URL pattern, its dynamic segments ([slug] -> "slug") and its exported HTTP methods.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export interface ApiRoute {
  /** e.g. /api/spend/squads/[slug] */
  pattern: string;
  segments: string[];
  handlers: Partial<Record<HttpMethod, RouteHandler>>;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const apiDir = path.join(root, "app", "api");

export function findRouteFiles(): string[] {
  return readdirSync(apiDir, { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)route\.(ts|tsx)$/.test(file))
    .sort();
}

export async function loadApiRoutes(): Promise<ApiRoute[]> {
  const routes: ApiRoute[] = [];
  for (const file of findRouteFiles()) {
    const directory = path.dirname(file);
    const pattern = `/api/${directory === "." ? "" : directory}`.replace(/\/$/, "");
    const segments = [...pattern.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((match) => match[1]!);
    const exports = (await import(path.join(apiDir, file))) as Record<string, unknown>;
    const handlers: ApiRoute["handlers"] = {};
    for (const method of HTTP_METHODS) {
      if (typeof exports[method] === "function") handlers[method] = exports[method] as RouteHandler;
    }
    routes.push({ pattern, segments, handlers });
  }
  return routes;
}

/** The concrete path for a pattern, each segment URL-encoded as a browser would send it. */
export function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_whole, name: string) => encodePart(params[name] ?? ""));
}

/** encodeURIComponent, except for lone surrogates it cannot encode: those go raw (the URL parser copes). */
export function encodePart(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replaceAll(/[#?/]/g, "");
  }
}
