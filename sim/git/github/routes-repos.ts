// The repository, its branches and the authenticated user.
import { readCommit } from "../objects";
import { listRefs } from "../refs";
import { type GitHubCall, json } from "./call";
import { notFound } from "./errors";
import { commitShape } from "./git-shapes";
import { SANDBOX_USER, ownerShape, repoShape } from "./identity";
import { paginate } from "./paginate";

export async function getRepo(call: GitHubCall) {
  return json(200, repoShape(call.urls.api));
}

export async function getAuthenticatedUser(call: GitHubCall) {
  return json(200, { ...ownerShape(SANDBOX_USER, call.urls.api), name: "CostLens Bot" });
}

async function branchShape(call: GitHubCall, name: string, sha: string) {
  const commit = await readCommit(call.dir, sha);
  if (!commit) throw notFound();
  return {
    name,
    commit: { sha, url: `${call.urls.repoApi}/commits/${sha}`, commit: commitShape(call.urls, commit) },
    protected: name === "main",
    _links: { self: `${call.urls.repoApi}/branches/${name}`, html: `${call.urls.html}/tree/${name}` },
  };
}

export async function getBranch(call: GitHubCall) {
  const name = call.params.branch ?? "";
  const ref = (await listRefs(call.dir, `refs/heads/${name}`)).find((r) => r.ref === `refs/heads/${name}`);
  if (!ref) throw notFound();
  return json(200, await branchShape(call, name, ref.sha));
}

export async function listBranches(call: GitHubCall) {
  const refs = await listRefs(call.dir, "refs/heads/");
  const { page, headers } = paginate(call.req, `${call.urls.repoApi}/branches`, refs);
  const names = page.map((r) => ({
    name: r.ref.slice("refs/heads/".length),
    commit: { sha: r.sha, url: `${call.urls.repoApi}/commits/${r.sha}` },
    protected: r.ref === "refs/heads/main",
  }));
  return json(200, names, headers);
}
