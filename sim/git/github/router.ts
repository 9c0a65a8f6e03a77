// The GitHub REST routes the sandbox serves, with Octokit's operation names. Path segments arrive
// percent-encoded (Octokit encodes a ref's or a path's slashes as %2F), so each is decoded after splitting.
import type { SimRequest, SimResponse } from "../../server/types";
import type { GitHubCall } from "./call";
import { createHook, deleteHook, listHooks } from "./routes-hooks";
import { addLabels, createLabel, getIssueLabels, listLabels } from "./routes-labels";
import { createBlob, createCommit, createTree, getBlob, getCommit, getTree } from "./routes-objects";
import { deleteContent, getContent, putContent } from "./routes-contents";
import { createPull, getPull, listPulls, mergePull, updatePull } from "./routes-pulls";
import { createRef, getRef, matchingRefs, removeRef, updateRef } from "./routes-refs";
import { getAuthenticatedUser, getBranch, getRepo, listBranches } from "./routes-repos";
import { pullPage } from "./web-pull";

export interface Route {
  method: string;
  pattern: string;
  operation: string;
  handler: (call: GitHubCall) => Promise<SimResponse>;
  /** Pages a browser opens from an html_url: no token. */
  public?: boolean;
}

const R = "/repos/:owner/:repo";

export const routes: Route[] = [
  { method: "GET", pattern: "/user", operation: "users.getAuthenticated", handler: getAuthenticatedUser },
  { method: "GET", pattern: R, operation: "repos.get", handler: getRepo },
  { method: "GET", pattern: `${R}/branches`, operation: "repos.listBranches", handler: listBranches },
  { method: "GET", pattern: `${R}/branches/*branch`, operation: "repos.getBranch", handler: getBranch },
  { method: "GET", pattern: `${R}/git/ref/*ref`, operation: "git.getRef", handler: getRef },
  { method: "GET", pattern: `${R}/git/refs/*ref`, operation: "git.getRef", handler: getRef },
  { method: "GET", pattern: `${R}/git/matching-refs/*ref`, operation: "git.listMatchingRefs", handler: matchingRefs },
  { method: "POST", pattern: `${R}/git/refs`, operation: "git.createRef", handler: createRef },
  { method: "PATCH", pattern: `${R}/git/refs/*ref`, operation: "git.updateRef", handler: updateRef },
  { method: "DELETE", pattern: `${R}/git/refs/*ref`, operation: "git.deleteRef", handler: removeRef },
  { method: "GET", pattern: `${R}/git/blobs/:sha`, operation: "git.getBlob", handler: getBlob },
  { method: "POST", pattern: `${R}/git/blobs`, operation: "git.createBlob", handler: createBlob },
  { method: "GET", pattern: `${R}/git/trees/:sha`, operation: "git.getTree", handler: getTree },
  { method: "POST", pattern: `${R}/git/trees`, operation: "git.createTree", handler: createTree },
  { method: "GET", pattern: `${R}/git/commits/:sha`, operation: "git.getCommit", handler: getCommit },
  { method: "POST", pattern: `${R}/git/commits`, operation: "git.createCommit", handler: createCommit },
  { method: "GET", pattern: `${R}/contents`, operation: "repos.getContent", handler: getContent },
  { method: "GET", pattern: `${R}/contents/*path`, operation: "repos.getContent", handler: getContent },
  { method: "PUT", pattern: `${R}/contents/*path`, operation: "repos.createOrUpdateFileContents", handler: putContent },
  { method: "DELETE", pattern: `${R}/contents/*path`, operation: "repos.deleteFile", handler: deleteContent },
  { method: "GET", pattern: `${R}/pulls`, operation: "pulls.list", handler: listPulls },
  { method: "POST", pattern: `${R}/pulls`, operation: "pulls.create", handler: createPull },
  { method: "GET", pattern: `${R}/pulls/:number`, operation: "pulls.get", handler: getPull },
  { method: "PATCH", pattern: `${R}/pulls/:number`, operation: "pulls.update", handler: updatePull },
  { method: "PUT", pattern: `${R}/pulls/:number/merge`, operation: "pulls.merge", handler: mergePull },
  { method: "GET", pattern: `${R}/labels`, operation: "issues.listLabelsForRepo", handler: listLabels },
  { method: "POST", pattern: `${R}/labels`, operation: "issues.createLabel", handler: createLabel },
  {
    method: "GET",
    pattern: `${R}/issues/:number/labels`,
    operation: "issues.listLabelsOnIssue",
    handler: getIssueLabels,
  },
  { method: "POST", pattern: `${R}/issues/:number/labels`, operation: "issues.addLabels", handler: addLabels },
  { method: "GET", pattern: `${R}/hooks`, operation: "repos.listWebhooks", handler: listHooks },
  { method: "POST", pattern: `${R}/hooks`, operation: "repos.createWebhook", handler: createHook },
  { method: "DELETE", pattern: `${R}/hooks/:id`, operation: "repos.deleteWebhook", handler: deleteHook },
  { method: "GET", pattern: "/:owner/:repo/pull/:number", operation: "web.pull", handler: pullPage, public: true },
];

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchPattern(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern.split("/").filter((p) => p !== "");
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? "";
    if (part.startsWith("*")) {
      const rest = segments.slice(i);
      if (rest.length === 0) return undefined;
      params[part.slice(1)] = rest.join("/");
      return params;
    }
    const segment = segments[i];
    if (segment === undefined) return undefined;
    if (part.startsWith(":")) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return parts.length === segments.length ? params : undefined;
}

export function matchRoute(req: SimRequest): { route: Route; params: Record<string, string> } | undefined {
  const segments = req.path
    .split("/")
    .filter((s) => s !== "")
    .map(decode);
  const method = req.method.toUpperCase();
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchPattern(route.pattern, segments);
    if (params) return { route, params };
  }
  return undefined;
}
