// git/refs: read one ref, list matching refs, create, move (fast-forward unless forced) and delete.
import { z } from "zod";
import { objectType } from "../objects";
import { deleteRef, isAncestor, isValidRefName, listRefs, resolveRef, setRef } from "../refs";
import { withRepoLock } from "../repo-lock";
import { type GitHubCall, json, noContent, parseBody } from "./call";
import { notFound, unprocessable } from "./errors";
import { refShape } from "./git-shapes";

const fullRef = (call: GitHubCall) => `refs/${call.params.ref ?? ""}`;

export async function getRef(call: GitHubCall) {
  const ref = fullRef(call);
  const sha = (await listRefs(call.dir, ref)).find((r) => r.ref === ref)?.sha;
  if (!sha) throw notFound();
  return json(200, refShape(call.urls, ref, sha));
}

export async function matchingRefs(call: GitHubCall) {
  const refs = await listRefs(call.dir, fullRef(call));
  return json(
    200,
    refs.map((r) => refShape(call.urls, r.ref, r.sha)),
  );
}

const createSchema = z.object({ ref: z.string(), sha: z.string() });

export async function createRef(call: GitHubCall) {
  const body = parseBody(call, createSchema, "Reference");
  if (!/^refs\/[^/]+\/.+/.test(body.ref)) {
    throw unprocessable("Reference name must start with 'refs/' and have at least two slashes.");
  }
  if (!(await isValidRefName(call.dir, body.ref))) throw unprocessable(`${body.ref} is not a valid ref name.`);
  if ((await objectType(call.dir, body.sha)) === undefined) throw unprocessable("Object does not exist");
  return withRepoLock(call.dir, async () => {
    if (!(await setRef(call.dir, body.ref, body.sha, ""))) throw unprocessable("Reference already exists");
    return json(201, refShape(call.urls, body.ref, body.sha), { location: `${call.urls.repoApi}/git/${body.ref}` });
  });
}

const updateSchema = z.object({ sha: z.string(), force: z.boolean().optional() });

export async function updateRef(call: GitHubCall) {
  const ref = fullRef(call);
  const body = parseBody(call, updateSchema, "Reference");
  if ((await objectType(call.dir, body.sha)) !== "commit") throw unprocessable("Object does not exist");
  return withRepoLock(call.dir, async () => {
    const current = await resolveRef(call.dir, ref);
    if (!current) throw unprocessable("Reference does not exist");
    if (!body.force && !(await isAncestor(call.dir, current, body.sha))) {
      throw unprocessable("Update is not a fast forward");
    }
    if (!(await setRef(call.dir, ref, body.sha, current))) throw unprocessable("Reference cannot be updated");
    return json(200, refShape(call.urls, ref, body.sha));
  });
}

export async function removeRef(call: GitHubCall) {
  const ref = fullRef(call);
  return withRepoLock(call.dir, async () => {
    if (!(await resolveRef(call.dir, ref))) throw unprocessable("Reference does not exist");
    await deleteRef(call.dir, ref);
    return noContent();
  });
}
