// git/blobs, git/trees and git/commits: read and create raw git objects.
import { z } from "zod";
import { isSha, objectType, readBlob, readCommit, readTree, writeBlob, writeCommit } from "../objects";
import { resolveRef } from "../refs";
import { buildTree } from "../tree-builder";
import { type GitHubCall, json, parseBody } from "./call";
import { notFound, unprocessable, validationFailed } from "./errors";
import { commitShape, treeShape } from "./git-shapes";
import { botIdentity } from "./people";

export async function getBlob(call: GitHubCall) {
  const sha = call.params.sha ?? "";
  const content = await readBlob(call.dir, sha);
  if (!content) throw notFound();
  return json(200, {
    sha,
    node_id: `B_${sha.slice(0, 16)}`,
    size: content.length,
    url: `${call.urls.repoApi}/git/blobs/${sha}`,
    content: base64Lines(content),
    encoding: "base64",
  });
}

/** Base64 broken into 60-character lines, as GitHub serves file contents. */
export function base64Lines(content: Buffer): string {
  const encoded = content.toString("base64");
  return encoded === "" ? "" : `${encoded.match(/.{1,60}/g)?.join("\n") ?? ""}\n`;
}

const blobSchema = z.object({ content: z.string(), encoding: z.enum(["utf-8", "base64"]).default("utf-8") });

export async function createBlob(call: GitHubCall) {
  const body = parseBody(call, blobSchema, "Blob");
  const bytes = Buffer.from(body.content, body.encoding === "base64" ? "base64" : "utf8");
  const sha = await writeBlob(call.dir, bytes);
  return json(
    201,
    { sha, url: `${call.urls.repoApi}/git/blobs/${sha}` },
    { location: `${call.urls.repoApi}/git/blobs/${sha}` },
  );
}

export async function getTree(call: GitHubCall) {
  // Like GitHub, a branch name works where a tree sha is expected.
  const named = call.params.sha ?? "";
  const sha = isSha(named) ? named : ((await resolveRef(call.dir, named)) ?? "");
  const type = await objectType(call.dir, sha);
  if (type !== "tree" && type !== "commit") throw notFound();
  const recursive = (call.req.query.get("recursive") ?? "") !== "" && call.req.query.get("recursive") !== "0";
  const treeSha = type === "commit" ? ((await readCommit(call.dir, sha))?.tree ?? sha) : sha;
  return json(200, treeShape(call.urls, treeSha, await readTree(call.dir, treeSha, recursive)));
}

const treeSchema = z.object({
  base_tree: z.string().optional(),
  tree: z.array(
    z.object({
      path: z.string().min(1),
      mode: z.enum(["100644", "100755", "040000", "160000", "120000"]),
      type: z.enum(["blob", "tree", "commit"]),
      sha: z.string().nullable().optional(),
      content: z.string().optional(),
    }),
  ),
});

export async function createTree(call: GitHubCall) {
  const body = parseBody(call, treeSchema, "Tree");
  if (body.base_tree !== undefined && (await objectType(call.dir, body.base_tree)) !== "tree") {
    throw unprocessable("base_tree is not a valid tree oid");
  }
  const changes = [];
  for (const entry of body.tree) {
    let sha = entry.sha;
    if (entry.content !== undefined) sha = await writeBlob(call.dir, Buffer.from(entry.content, "utf8"));
    if (sha === undefined) throw validationFailed({ resource: "Tree", field: "sha", code: "missing_field" });
    if (sha !== null && (await objectType(call.dir, sha)) !== entry.type) {
      throw unprocessable(`tree.sha ${sha} is not a valid ${entry.type}`);
    }
    changes.push({ path: entry.path.replace(/^\/+|\/+$/g, ""), mode: entry.mode, type: entry.type, sha });
  }
  const sha = await buildTree(call.dir, body.base_tree, changes);
  return json(201, treeShape(call.urls, sha, await readTree(call.dir, sha, false)), {
    location: `${call.urls.repoApi}/git/trees/${sha}`,
  });
}

export async function getCommit(call: GitHubCall) {
  const commit = await readCommit(call.dir, call.params.sha ?? "");
  if (!commit) throw notFound();
  return json(200, commitShape(call.urls, commit));
}

const personSchema = z.object({ name: z.string(), email: z.string(), date: z.string().optional() });
const commitSchema = z.object({
  message: z.string(),
  tree: z.string(),
  parents: z.array(z.string()).default([]),
  author: personSchema.optional(),
  committer: personSchema.optional(),
});

export async function createCommit(call: GitHubCall) {
  const body = parseBody(call, commitSchema, "Commit");
  if ((await objectType(call.dir, body.tree)) !== "tree") throw unprocessable("Tree SHA does not exist");
  for (const parent of body.parents) {
    if ((await objectType(call.dir, parent)) !== "commit") {
      throw unprocessable("Parent SHA does not exist or is not a commit object");
    }
  }
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const author = body.author ? { ...body.author, date: body.author.date ?? now } : botIdentity(now);
  const committer = body.committer ? { ...body.committer, date: body.committer.date ?? now } : author;
  const sha = await writeCommit(call.dir, {
    tree: body.tree,
    parents: body.parents,
    message: body.message,
    author,
    committer,
  });
  const commit = await readCommit(call.dir, sha);
  if (!commit) throw notFound();
  return json(201, commitShape(call.urls, commit), { location: `${call.urls.repoApi}/git/commits/${sha}` });
}
