// Contract tests for the sandbox's GitHub REST API with @octokit/rest: read the repository, commit a
// Terraform change on a branch (git data API and contents API), open, list, label and merge a pull request,
// GitHub's error shapes (401, 404, 422), and the merge's effect on the organisation.
import { RequestError } from "@octokit/request-error";
import type { Octokit } from "@octokit/rest";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../../sim/server/start-sandbox";
import { parseHclBody } from "../../sim/terraform/hcl/parse";
import { storedStates } from "../../sim/terraform/state-store";
import { cloneRepository } from "./fixtures/terraform-checks";
import { commitOnBranch, octokitFor, readFile, repo } from "./fixtures/github-sandbox";

let sandbox: RunningSandbox;
let octokit: Octokit;
const clones: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 42, scale: 1, today: "2026-02-01" });
  octokit = octokitFor(sandbox);
});
afterAll(async () => {
  for (const dir of clones) rmSync(dir, { recursive: true, force: true });
  await sandbox.close();
});

async function rejection(promise: Promise<unknown>): Promise<RequestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RequestError)) throw new Error(`expected a RequestError, got ${String(error)}`);
  return error;
}

/** A plain `aws_instance` block of the production root in a file that holds other blocks too. */
function plainInstance(): { id: string; name: string; file: string } {
  const state = storedStates(sandbox.ctx.org).get("envs/production/terraform.tfstate")?.state;
  const plain = (state?.resources ?? [])
    .filter((r) => r.type === "aws_instance" && !r.module && r.instances[0]?.index_key === undefined)
    .map((r) => {
      const id = r.instances[0]?.attributes.id ?? "";
      const team = sandbox.ctx.org.instances.find((i) => i.id === id)?.tags.team ?? "untagged";
      return { id, name: r.name, file: `envs/production/instances-${team}.tf` };
    });
  const target = plain.find((p) => plain.filter((q) => q.file === p.file).length > 1);
  if (!target) throw new Error("no file with two plain instances");
  return target;
}

function withoutBlock(text: string, name: string): string {
  const block = parseHclBody(text).blocks.find((b) => b.type === "resource" && b.labels[1] === name);
  if (!block) throw new Error(`no block ${name}`);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  // The block, a comment line right above it, and the blank line that separated it from the next one.
  let start = block.start;
  const above = text.lastIndexOf(eol, start - eol.length - 1);
  if (
    text
      .slice(above + eol.length, start)
      .trimStart()
      .startsWith("//")
  )
    start = above + eol.length;
  let end = block.end;
  if (text.startsWith(eol + eol, end)) end += eol.length;
  return text.slice(0, start) + text.slice(end + (text.startsWith(eol, end) ? eol.length : 0));
}

describe("GitHub repository API", () => {
  it("serves the repository, its default branch and its tree", async () => {
    const { data: repository } = await octokit.repos.get(repo);
    expect(repository.full_name).toBe("acme-shop/infrastructure");
    expect(repository.default_branch).toBe("main");
    const { data: ref } = await octokit.git.getRef({ ...repo, ref: "heads/main" });
    const { data: tree } = await octokit.git.getTree({ ...repo, tree_sha: ref.object.sha, recursive: "1" });
    const paths = tree.tree.map((e) => e.path);
    expect(paths).toContain("envs/production/versions.tf");
    expect(paths).toContain("modules/service-fleet/main.tf");
    const { data: branch } = await octokit.repos.getBranch({ ...repo, branch: "main" });
    expect(branch.commit.sha).toBe(ref.object.sha);
    const { data: dir } = await octokit.repos.getContent({ ...repo, path: "envs/production" });
    expect(Array.isArray(dir) && dir.some((e) => e.name === "versions.tf")).toBe(true);
  });

  it("refuses a request without a token or with a wrong one as 401 Bad credentials", async () => {
    for (const client of [octokitFor(sandbox, ""), octokitFor(sandbox, "ghp_wrong")]) {
      const error = await rejection(client.repos.get(repo));
      expect(error.status).toBe(401);
      expect(error.message).toContain("Bad credentials");
    }
  });

  it("answers 404 Not Found for another repository, a missing ref or a missing file", async () => {
    expect((await rejection(octokit.repos.get({ owner: "acme-shop", repo: "other" }))).status).toBe(404);
    expect((await rejection(octokit.git.getRef({ ...repo, ref: "heads/none" }))).status).toBe(404);
    const missing = await rejection(octokit.repos.getContent({ ...repo, path: "envs/nowhere.tf" }));
    expect(missing.status).toBe(404);
    expect(missing.response?.data).toMatchObject({ message: "Not Found" });
  });
});

describe("a pull request that deletes one resource block", () => {
  const target = { id: "", name: "", file: "" };
  const branch = "costlens/zombie-instance";
  let number = 0;

  beforeAll(() => Object.assign(target, plainInstance()));

  it("commits on a new branch with blobs, trees, commits and refs", async () => {
    const { text } = await readFile(octokit, target.file);
    const sha = await commitOnBranch(octokit, branch, `Remove zombie instance ${target.id}`, {
      [target.file]: withoutBlock(text, target.name),
    });
    const { data: ref } = await octokit.git.getRef({ ...repo, ref: `heads/${branch}` });
    expect(ref.object.sha).toBe(sha);
    const { data: matching } = await octokit.git.listMatchingRefs({ ...repo, ref: "heads/costlens/" });
    expect(matching.map((r) => r.ref)).toEqual([`refs/heads/${branch}`]);
  });

  it("opens the pull request once: a second create for the same head is a 422", async () => {
    const { data: pull, status } = await octokit.pulls.create({
      ...repo,
      head: branch,
      base: "main",
      title: `Remove zombie instance ${target.id}`,
      body: "Idle for 14 days.\n\nExpected plan: 1 to destroy.",
    });
    expect(status).toBe(201);
    expect(pull).toMatchObject({
      state: "open",
      merged: false,
      mergeable: true,
      changed_files: 1,
      head: { ref: branch },
    });
    number = pull.number;
    const again = await rejection(
      octokit.pulls.create({ ...repo, head: `acme-shop:${branch}`, base: "main", title: "again" }),
    );
    expect(again.status).toBe(422);
    expect(again.response?.data).toMatchObject({
      message: "Validation Failed",
      errors: [
        { resource: "PullRequest", code: "custom", message: `A pull request already exists for acme-shop:${branch}.` },
      ],
    });
  });

  it("gives ten concurrent creates for one new head exactly one pull request", async () => {
    await commitOnBranch(octokit, "costlens/concurrent", "Concurrent", { "docs/concurrent.md": "once\n" });
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        octokit.pulls.create({ ...repo, head: "costlens/concurrent", base: "main", title: "Once" }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.flatMap((a) =>
      a.status === "rejected" && a.reason instanceof RequestError ? [a.reason.status] : [],
    );
    expect(refused).toEqual(Array.from({ length: 9 }, () => 422));
    const created = attempts.find((a) => a.status === "fulfilled");
    if (created?.status === "fulfilled")
      await octokit.pulls.update({ ...repo, pull_number: created.value.data.number, state: "closed" });
  });

  it("lists it by head and state, labels it and lists the repository's labels", async () => {
    const { data: open } = await octokit.pulls.list({ ...repo, state: "open", head: `acme-shop:${branch}` });
    expect(open.map((p) => p.number)).toEqual([number]);
    const { data: closed } = await octokit.pulls.list({ ...repo, state: "closed", head: `acme-shop:${branch}` });
    expect(closed).toEqual([]);
    const { data: labels } = await octokit.issues.addLabels({
      ...repo,
      issue_number: number,
      labels: ["costlens", "zombie-instance"],
    });
    expect(labels.map((l) => l.name)).toEqual(["costlens", "zombie-instance"]);
    const { data: all } = await octokit.issues.listLabelsForRepo(repo);
    expect(all.map((l) => l.name)).toEqual(expect.arrayContaining(["costlens", "zombie-instance"]));
    const { data: pull } = await octokit.pulls.get({ ...repo, pull_number: number });
    expect(pull.labels.map((l) => l.name)).toEqual(["costlens", "zombie-instance"]);
    const page = await fetch(pull.html_url);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain(`resource &quot;aws_instance&quot; &quot;${target.name}&quot;`);
  });

  it("closes and reopens it", async () => {
    expect((await octokit.pulls.update({ ...repo, pull_number: number, state: "closed" })).data.state).toBe("closed");
    expect((await octokit.pulls.update({ ...repo, pull_number: number, state: "open" })).data.state).toBe("open");
  });

  it("merges it into main with a merge commit; a clone of main no longer has the block", async () => {
    const before = (await octokit.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
    const { data: merge } = await octokit.pulls.merge({ ...repo, pull_number: number });
    expect(merge.merged).toBe(true);
    const { data: commit } = await octokit.git.getCommit({ ...repo, commit_sha: merge.sha });
    expect(commit.parents.map((p) => p.sha)[0]).toBe(before);
    expect(commit.parents).toHaveLength(2);
    const { data: pull } = await octokit.pulls.get({ ...repo, pull_number: number });
    expect(pull).toMatchObject({ state: "closed", merged: true, merge_commit_sha: merge.sha });
    expect((await rejection(octokit.pulls.merge({ ...repo, pull_number: number }))).status).toBe(405);

    const clone = cloneRepository(sandbox.ctx.repoDir);
    clones.push(clone);
    const text = readFileSync(join(clone, target.file), "utf8");
    expect(text).not.toContain(`resource "aws_instance" "${target.name}"`);
    expect(parseHclBody(text).blocks.length).toBeGreaterThan(0);
  });

  it("applies the merge to the organisation: the instance is gone today and out of the state", async () => {
    const instance = sandbox.ctx.org.instances.find((i) => i.id === target.id);
    expect(instance?.goneDay).toBe(sandbox.ctx.org.today);
    const state = storedStates(sandbox.ctx.org).get("envs/production/terraform.tfstate")?.state;
    const ids = state?.resources.flatMap((r) => r.instances.map((i) => i.attributes.id)) ?? [];
    expect(ids).not.toContain(target.id);
  });
});

describe("contents, refs and paging", () => {
  it("creates and updates a file with the contents API, refusing an update without the blob sha", async () => {
    const main = (await octokit.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
    await octokit.git.createRef({ ...repo, ref: "refs/heads/docs-1", sha: main });
    const path = "docs/runbook.md";
    const created = await octokit.repos.createOrUpdateFileContents({
      ...repo,
      path,
      branch: "docs-1",
      message: "Add a runbook",
      content: Buffer.from("# Runbook\n").toString("base64"),
    });
    expect(created.status).toBe(201);
    const refused = await rejection(
      octokit.repos.createOrUpdateFileContents({ ...repo, path, branch: "docs-1", message: "x", content: "eA==" }),
    );
    expect(refused.status).toBe(422);
    const updated = await octokit.repos.createOrUpdateFileContents({
      ...repo,
      path,
      branch: "docs-1",
      message: "Expand the runbook",
      content: Buffer.from("# Runbook\n\nCall the on-call.\n").toString("base64"),
      sha: created.data.content?.sha ?? "",
    });
    expect(updated.status).toBe(200);
    expect((await readFile(octokit, path, "docs-1")).text).toContain("on-call");
  });

  it("moves refs only fast-forward unless forced, and deletes them", async () => {
    const main = (await octokit.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
    const docs = (await octokit.git.getRef({ ...repo, ref: "heads/docs-1" })).data.object.sha;
    await octokit.git.createRef({ ...repo, ref: "refs/heads/scratch", sha: docs });
    expect((await rejection(octokit.git.createRef({ ...repo, ref: "refs/heads/scratch", sha: docs }))).status).toBe(
      422,
    );
    expect((await rejection(octokit.git.updateRef({ ...repo, ref: "heads/scratch", sha: main }))).status).toBe(422);
    await octokit.git.updateRef({ ...repo, ref: "heads/scratch", sha: main, force: true });
    await octokit.git.deleteRef({ ...repo, ref: "heads/scratch" });
    expect((await rejection(octokit.git.getRef({ ...repo, ref: "heads/scratch" }))).status).toBe(404);
  });

  it("pages pull requests with per_page and Link headers", async () => {
    for (const n of [2, 3, 4]) {
      await commitOnBranch(octokit, `docs-${n}`, `Docs ${n}`, { [`docs/note-${n}.md`]: `note ${n}\n` });
      await octokit.pulls.create({ ...repo, head: `docs-${n}`, base: "main", title: `Docs ${n}` });
    }
    const first = await octokit.pulls.list({ ...repo, state: "all", per_page: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.headers.link).toContain('rel="next"');
    const all = await octokit.paginate(octokit.pulls.list, { ...repo, state: "all", per_page: 2 });
    expect(all.map((p) => p.number)).toEqual([5, 4, 3, 2, 1]);
    const open = await octokit.paginate(octokit.pulls.list, { ...repo, state: "open", base: "main", per_page: 1 });
    expect(open.map((p) => p.title)).toEqual(["Docs 4", "Docs 3", "Docs 2"]);
    expect(all.find((p) => p.title === "Once")?.state).toBe("closed");
  });

  it("refuses to merge a pull request that conflicts with main (405) and reports it unmergeable", async () => {
    await commitOnBranch(octokit, "conflict-a", "A", { "docs/conflict.md": "a\n" });
    await commitOnBranch(octokit, "conflict-b", "B", { "docs/conflict.md": "b\n" });
    const a = await octokit.pulls.create({ ...repo, head: "conflict-a", base: "main", title: "A" });
    const b = await octokit.pulls.create({ ...repo, head: "conflict-b", base: "main", title: "B" });
    await octokit.pulls.merge({ ...repo, pull_number: a.data.number });
    expect((await octokit.pulls.get({ ...repo, pull_number: b.data.number })).data.mergeable).toBe(false);
    const refused = await rejection(octokit.pulls.merge({ ...repo, pull_number: b.data.number }));
    expect(refused.status).toBe(405);
    expect((await readFile(octokit, "docs/conflict.md")).text).toBe("a\n");
  });
});
