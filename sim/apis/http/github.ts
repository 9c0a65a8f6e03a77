// GitHub's REST API, the subset Octokit needs to read a repository and open, label and merge a pull request,
// served over the sandbox's real bare git repository. Every request needs the sandbox token, as a private
// repository would; merging into main applies the change to the organisation.
import { type GitHubCall, json, urlsFor } from "../../git/github/call";
import { badCredentials, errorBody, notFound } from "../../git/github/errors";
import { REPO_NAME, REPO_OWNER, SANDBOX_GITHUB_TOKEN } from "../../git/github/identity";
import { matchRoute } from "../../git/github/router";
import type { PathApi, SimRequest } from "../../server/types";
import { applyMergedChanges } from "../../terraform/apply-merge";

function authenticate(req: SimRequest): void {
  const header = req.headers.authorization ?? "";
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
  if (match?.[1] !== SANDBOX_GITHUB_TOKEN) throw badCredentials();
}

const github: PathApi = {
  prefix: "/github",
  name: "github",

  operation(req) {
    return matchRoute(req)?.route.operation ?? "unknown";
  },

  async handle(req, ctx) {
    const match = matchRoute(req);
    if (!match?.route.public) authenticate(req);
    if (!match) throw notFound();
    const { owner, repo } = match.params;
    const served =
      ctx.repoDir !== "" &&
      (owner === undefined || (owner.toLowerCase() === REPO_OWNER && repo?.toLowerCase() === REPO_NAME));
    if (!served) throw notFound();
    const call: GitHubCall = {
      req,
      ctx,
      params: match.params,
      dir: ctx.repoDir,
      urls: urlsFor(ctx),
      afterMerge: async (before, after) => {
        await applyMergedChanges(ctx.org, ctx.repoDir, before, after);
      },
    };
    return match.route.handler(call);
  },

  renderError(error) {
    return json(error.status, errorBody(error));
  },
};

export default github;
