// repos/contents: read a file or a directory at a ref; create, update or delete one file with a commit on
// a branch (the one-call way Octokit users change a file).
import { z } from "zod";
import { readBlob, readCommit, readTree, type TreeEntry, writeBlob, writeCommit } from "../objects";
import { resolveRef, setRef } from "../refs";
import { withRepoLock } from "../repo-lock";
import { buildTree } from "../tree-builder";
import { type GitHubCall, json, parseBody, type Urls } from "./call";
import { GitHubError, notFound, unprocessable } from "./errors";
import { commitShape } from "./git-shapes";
import { botIdentity } from "./people";
import { base64Lines } from "./routes-objects";

function entryShape(urls: Urls, entry: TreeEntry, ref: string) {
  const name = entry.path.split("/").pop() ?? entry.path;
  const self = `${urls.repoApi}/contents/${entry.path}?ref=${encodeURIComponent(ref)}`;
  const git = `${urls.repoApi}/git/${entry.type === "tree" ? "trees" : "blobs"}/${entry.sha}`;
  const html = `${urls.html}/${entry.type === "tree" ? "tree" : "blob"}/${ref}/${entry.path}`;
  return {
    type: entry.type === "tree" ? "dir" : "file",
    size: entry.size ?? 0,
    name,
    path: entry.path,
    sha: entry.sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: entry.type === "tree" ? null : `${urls.html}/raw/${ref}/${entry.path}`,
    _links: { self, git, html },
  };
}

async function commitOf(call: GitHubCall, ref: string): Promise<string> {
  const sha = await resolveRef(call.dir, ref);
  if (!sha) throw new GitHubError(404, `No commit found for the ref ${ref}`);
  return sha;
}

const pathOf = (call: GitHubCall) => (call.params.path ?? "").replace(/^\/+|\/+$/g, "");

export async function getContent(call: GitHubCall) {
  const ref = call.req.query.get("ref") ?? "main";
  const commit = await commitOf(call, ref);
  const path = pathOf(call);
  if (path === "")
    return json(
      200,
      (await readTree(call.dir, commit, false)).map((e) => entryShape(call.urls, e, ref)),
    );
  const entry = (await readTree(call.dir, commit, false, path)).find((e) => e.path === path);
  if (!entry) throw notFound();
  if (entry.type === "tree") {
    const children = await readTree(call.dir, `${commit}:${path}`, false);
    return json(
      200,
      children.map((child) => entryShape(call.urls, { ...child, path: `${path}/${child.path}` }, ref)),
    );
  }
  const content = (await readBlob(call.dir, entry.sha)) ?? Buffer.alloc(0);
  return json(200, { ...entryShape(call.urls, entry, ref), content: base64Lines(content), encoding: "base64" });
}

const personSchema = z.object({ name: z.string(), email: z.string(), date: z.string().optional() });
const putSchema = z.object({
  message: z.string(),
  content: z.string(),
  sha: z.string().optional(),
  branch: z.string().optional(),
  committer: personSchema.optional(),
  author: personSchema.optional(),
});
const deleteSchema = putSchema.omit({ content: true }).extend({ sha: z.string() });

/** Commits one change to a path on a branch: the blob sha to write there, or null to delete it. */
async function commitFileChange(
  call: GitHubCall,
  body: z.infer<typeof deleteSchema> | z.infer<typeof putSchema>,
  blob: string | null,
) {
  const path = pathOf(call);
  const branch = body.branch ?? "main";
  return withRepoLock(call.dir, async () => {
    const head = await resolveRef(call.dir, `refs/heads/${branch}`);
    if (!head) throw new GitHubError(404, `Branch ${branch} not found`);
    const headCommit = await readCommit(call.dir, head);
    if (!headCommit) throw notFound();
    const existing = (await readTree(call.dir, head, false, path)).find((e) => e.path === path);
    if (blob === null && !existing) throw notFound();
    if (existing && body.sha === undefined) throw unprocessable('Invalid request.\n\n"sha" wasn\'t supplied.');
    if (existing && body.sha !== existing.sha) throw new GitHubError(409, `${path} does not match ${body.sha}`);
    const tree = await buildTree(call.dir, headCommit.tree, [{ path, mode: "100644", type: "blob", sha: blob }]);
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    const author = body.author ? { ...body.author, date: body.author.date ?? now } : botIdentity(now);
    const committer = body.committer ? { ...body.committer, date: body.committer.date ?? now } : author;
    const sha = await writeCommit(call.dir, { tree, parents: [head], message: body.message, author, committer });
    if (!(await setRef(call.dir, `refs/heads/${branch}`, sha, head)))
      throw new GitHubError(409, "Branch moved, try again");
    const commit = await readCommit(call.dir, sha);
    if (!commit) throw notFound();
    const entry = (await readTree(call.dir, sha, false, path)).find((e) => e.path === path);
    return {
      created: !existing,
      body: { content: entry ? entryShape(call.urls, entry, branch) : null, commit: commitShape(call.urls, commit) },
    };
  });
}

export async function putContent(call: GitHubCall) {
  const body = parseBody(call, putSchema, "Content");
  if (pathOf(call) === "") throw notFound();
  const blob = await writeBlob(call.dir, Buffer.from(body.content, "base64"));
  const result = await commitFileChange(call, body, blob);
  return json(result.created ? 201 : 200, result.body);
}

export async function deleteContent(call: GitHubCall) {
  const body = parseBody(call, deleteSchema, "Content");
  const result = await commitFileChange(call, body, null);
  return json(200, result.body);
}
