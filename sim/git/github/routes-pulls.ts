// pulls: create (one open pull request per head and base), get, list with filters and paging, update
// (close, reopen, retitle) and merge (a real merge commit on the base branch).
import { z } from "zod";
import { readCommit, writeCommit } from "../objects";
import { diffStat, mergeTrees } from "../merge";
import { type PullRecord, loadPullStore, savePullStore } from "../pull-store";
import { countCommits, isAncestor, resolveRef, setRef } from "../refs";
import { withRepoLock } from "../repo-lock";
import { type GitHubCall, json, parseBody } from "./call";
import { GitHubError, notFound, unprocessable, validationFailed } from "./errors";
import { REPO_OWNER, SANDBOX_USER } from "./identity";
import { paginate } from "./paginate";
import { type PullDetail, pullShape } from "./pull-shapes";
import { botIdentity, githubCommitter } from "./people";
import { deliver } from "./webhooks";

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
const branchRef = (branch: string) => `refs/heads/${branch}`;

/** "owner:branch" or "branch"; another owner would be a fork, which the sandbox does not have. */
function headBranch(head: string): string | undefined {
  const colon = head.indexOf(":");
  if (colon < 0) return head;
  return head.slice(0, colon).toLowerCase() === REPO_OWNER ? head.slice(colon + 1) : undefined;
}

const alreadyExists = (head: string) =>
  validationFailed({
    resource: "PullRequest",
    code: "custom",
    message: `A pull request already exists for ${REPO_OWNER}:${head}.`,
  });

function findPull(call: GitHubCall): { pull: PullRecord; store: ReturnType<typeof loadPullStore> } {
  const store = loadPullStore(call.dir);
  const pull = store.pulls.find((p) => p.number === Number(call.params.number));
  if (!pull) throw notFound();
  return { pull, store };
}

async function detail(call: GitHubCall, pull: PullRecord): Promise<PullDetail> {
  const headSha = (await resolveRef(call.dir, branchRef(pull.head))) ?? pull.headSha;
  const baseSha = (await resolveRef(call.dir, branchRef(pull.base))) ?? pull.baseSha;
  const merged = pull.mergedAt !== null;
  const from = merged ? pull.baseSha : baseSha;
  const files = await diffStat(call.dir, `${from}...${headSha}`);
  const mergeable = pull.state === "open" ? (await mergeTrees(call.dir, baseSha, headSha)).clean : null;
  return {
    headSha,
    merged,
    mergeable,
    commits: await countCommits(call.dir, from, headSha),
    additions: files.reduce((sum, f) => sum + f.additions, 0),
    deletions: files.reduce((sum, f) => sum + f.deletions, 0),
    changedFiles: files.length,
  };
}

const createSchema = z.object({
  title: z.string().min(1),
  head: z.string().min(1),
  base: z.string().min(1),
  body: z.string().nullable().optional(),
  draft: z.boolean().optional(),
  maintainer_can_modify: z.boolean().optional(),
});

export async function createPull(call: GitHubCall) {
  const body = parseBody(call, createSchema, "PullRequest");
  const head = headBranch(body.head);
  return withRepoLock(call.dir, async () => {
    const baseSha = await resolveRef(call.dir, branchRef(body.base));
    if (!baseSha) throw validationFailed({ resource: "PullRequest", field: "base", code: "invalid" });
    const headSha = head ? await resolveRef(call.dir, branchRef(head)) : undefined;
    if (!head || !headSha) throw validationFailed({ resource: "PullRequest", field: "head", code: "invalid" });
    const store = loadPullStore(call.dir);
    if (store.pulls.some((p) => p.state === "open" && p.head === head && p.base === body.base))
      throw alreadyExists(head);
    if (await isAncestor(call.dir, headSha, baseSha)) {
      throw validationFailed({
        resource: "PullRequest",
        code: "custom",
        message: `No commits between ${body.base} and ${head}`,
      });
    }
    const at = now();
    const pull: PullRecord = {
      number: store.nextNumber,
      title: body.title,
      body: body.body ?? null,
      state: "open",
      draft: body.draft ?? false,
      head,
      base: body.base,
      headSha,
      baseSha,
      user: SANDBOX_USER,
      labels: [],
      createdAt: at,
      updatedAt: at,
      closedAt: null,
      mergedAt: null,
      mergeCommitSha: null,
      mergedBy: null,
    };
    // GitHub keeps every pull request's head reachable under refs/pull/N/head, even after a branch delete.
    await setRef(call.dir, `refs/pull/${pull.number}/head`, headSha);
    savePullStore(call.dir, { ...store, nextNumber: store.nextNumber + 1, pulls: [...store.pulls, pull] });
    const shape = pullShape(call.urls, pull, store.labels, await detail(call, pull));
    deliver(call, "pull_request", { action: "opened", number: pull.number, pull_request: shape });
    return json(201, shape, { location: shape.url });
  });
}

export async function getPull(call: GitHubCall) {
  const { pull, store } = findPull(call);
  return json(200, pullShape(call.urls, pull, store.labels, await detail(call, pull)));
}

const listQuery = z.object({
  state: z.enum(["open", "closed", "all"]).catch("open"),
  head: z.string().optional(),
  base: z.string().optional(),
  sort: z.enum(["created", "updated", "popularity", "long-running"]).catch("created"),
  direction: z.enum(["asc", "desc"]).optional().catch(undefined),
});

export async function listPulls(call: GitHubCall) {
  const q = listQuery.parse(Object.fromEntries(call.req.query));
  const store = loadPullStore(call.dir);
  const head = q.head === undefined ? undefined : headBranch(q.head);
  const matching = store.pulls.filter(
    (p) =>
      (q.state === "all" || p.state === q.state) &&
      (q.head === undefined || p.head === head) &&
      (q.base === undefined || p.base === q.base),
  );
  const key = (p: PullRecord) => (q.sort === "updated" ? p.updatedAt : p.createdAt);
  const ascending = (q.direction ?? (q.sort === "long-running" ? "asc" : "desc")) === "asc";
  matching.sort((a, b) => {
    const order = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.number - b.number;
    return ascending ? order : -order;
  });
  const { page, headers } = paginate(call.req, `${call.urls.repoApi}/pulls`, matching);
  return json(
    200,
    page.map((p) => pullShape(call.urls, p, store.labels)),
    headers,
  );
}

const updateSchema = z.object({
  title: z.string().min(1).optional(),
  body: z.string().nullable().optional(),
  state: z.enum(["open", "closed"]).optional(),
  base: z.string().optional(),
});

export async function updatePull(call: GitHubCall) {
  const body = parseBody(call, updateSchema, "PullRequest");
  return withRepoLock(call.dir, async () => {
    const { pull, store } = findPull(call);
    const stateChange = body.state !== undefined && body.state !== pull.state ? body.state : undefined;
    if (stateChange !== undefined) {
      if (pull.mergedAt) throw unprocessable("state cannot be changed. The pull request has been merged.");
      if (stateChange === "open") {
        if (!(await resolveRef(call.dir, branchRef(pull.head)))) {
          throw unprocessable("state cannot be changed. The head branch was deleted.");
        }
        const twin = store.pulls.some((p) => p.state === "open" && p.head === pull.head && p.base === pull.base);
        if (twin) throw alreadyExists(pull.head);
      }
      pull.state = stateChange;
      pull.closedAt = stateChange === "closed" ? now() : null;
    }
    if (body.base !== undefined) {
      const baseSha = await resolveRef(call.dir, branchRef(body.base));
      if (!baseSha) throw validationFailed({ resource: "PullRequest", field: "base", code: "invalid" });
      pull.base = body.base;
      pull.baseSha = baseSha;
    }
    if (body.title !== undefined) pull.title = body.title;
    if (body.body !== undefined) pull.body = body.body;
    pull.updatedAt = now();
    savePullStore(call.dir, store);
    const shape = pullShape(call.urls, pull, store.labels, await detail(call, pull));
    const action = stateChange === "closed" ? "closed" : stateChange === "open" ? "reopened" : "edited";
    deliver(call, "pull_request", { action, number: pull.number, pull_request: shape });
    return json(200, shape);
  });
}

const mergeSchema = z.object({
  commit_title: z.string().optional(),
  commit_message: z.string().optional(),
  sha: z.string().optional(),
  merge_method: z.enum(["merge", "squash", "rebase"]).default("merge"),
});

const notMergeable = () => new GitHubError(405, "Pull Request is not mergeable");

export async function mergePull(call: GitHubCall) {
  const body = parseBody(call, mergeSchema, "PullRequest");
  return withRepoLock(call.dir, async () => {
    const { pull, store } = findPull(call);
    if (pull.state !== "open") throw notMergeable();
    const head = await resolveRef(call.dir, branchRef(pull.head));
    const base = await resolveRef(call.dir, branchRef(pull.base));
    if (!head || !base) throw notMergeable();
    if (body.sha !== undefined && body.sha !== head) {
      throw new GitHubError(409, "Head branch was modified. Review and try the merge again.");
    }
    const merged = await mergeTrees(call.dir, base, head);
    if (!merged.clean) throw new GitHubError(405, "Merge conflict");
    const at = now();
    const squash = body.merge_method !== "merge";
    const title =
      body.commit_title ??
      (squash
        ? `${pull.title} (#${pull.number})`
        : `Merge pull request #${pull.number} from ${REPO_OWNER}/${pull.head}`);
    const message = `${title}\n\n${body.commit_message ?? (squash ? (pull.body ?? "") : pull.title)}`.trimEnd();
    const headCommit = await readCommit(call.dir, head);
    const sha = await writeCommit(call.dir, {
      tree: merged.tree,
      parents: squash ? [base] : [base, head],
      message: `${message}\n`,
      author: squash && headCommit ? headCommit.author : botIdentity(at),
      committer: githubCommitter(at),
    });
    if (!(await setRef(call.dir, branchRef(pull.base), sha, base))) {
      throw new GitHubError(409, "Base branch was modified. Review and try the merge again.");
    }
    Object.assign(pull, {
      state: "closed",
      headSha: head,
      baseSha: base,
      mergedAt: at,
      closedAt: at,
      updatedAt: at,
      mergeCommitSha: sha,
      mergedBy: SANDBOX_USER,
    } satisfies Partial<PullRecord>);
    savePullStore(call.dir, store);
    if (pull.base === "main") await call.afterMerge(base, sha);
    const shape = pullShape(call.urls, pull, store.labels, await detail(call, pull));
    deliver(call, "pull_request", { action: "closed", number: pull.number, pull_request: shape });
    deliver(call, "push", {
      ref: branchRef(pull.base),
      before: base,
      after: sha,
      created: false,
      deleted: false,
      forced: false,
      head_commit: { id: sha, message: message, timestamp: at, url: `${call.urls.html}/commit/${sha}` },
      commits: [{ id: sha, message: message, timestamp: at, url: `${call.urls.html}/commit/${sha}` }],
    });
    return json(200, { sha, merged: true, message: "Pull Request successfully merged" });
  });
}
