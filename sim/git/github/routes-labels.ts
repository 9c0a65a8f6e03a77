// Labels: the repository's list, creating one, and adding labels to a pull request (its issue), which
// creates any label the repository does not have yet, as GitHub does.
import { z } from "zod";
import { type Label, loadPullStore, savePullStore } from "../pull-store";
import { withRepoLock } from "../repo-lock";
import { type GitHubCall, json, parseBody } from "./call";
import { notFound, validationFailed } from "./errors";
import { paginate } from "./paginate";
import { labelShape, pullShape } from "./pull-shapes";
import { deliver } from "./webhooks";

const DEFAULT_COLOR = "ededed";

export async function listLabels(call: GitHubCall) {
  const store = loadPullStore(call.dir);
  const { page, headers } = paginate(call.req, `${call.urls.repoApi}/labels`, store.labels);
  return json(
    200,
    page.map((l) => labelShape(call.urls, l)),
    headers,
  );
}

const createSchema = z.object({
  name: z.string().min(1),
  color: z
    .string()
    .regex(/^#?[0-9a-fA-F]{6}$/)
    .optional(),
  description: z.string().optional(),
});

export async function createLabel(call: GitHubCall) {
  const body = parseBody(call, createSchema, "Label");
  return withRepoLock(call.dir, async () => {
    const store = loadPullStore(call.dir);
    if (store.labels.some((l) => l.name.toLowerCase() === body.name.toLowerCase())) {
      throw validationFailed({ resource: "Label", field: "name", code: "already_exists" });
    }
    const label: Label = {
      name: body.name,
      color: (body.color ?? DEFAULT_COLOR).replace(/^#/, "").toLowerCase(),
      description: body.description ?? null,
    };
    savePullStore(call.dir, { ...store, labels: [...store.labels, label] });
    return json(201, labelShape(call.urls, label));
  });
}

// Octokit sends { labels: ["a"] }; the API also takes a bare array and { labels: [{ name }] }.
const names = z.array(z.union([z.string().min(1), z.object({ name: z.string().min(1) }).transform((l) => l.name)]));
const addSchema = z.union([z.object({ labels: names }).transform((b) => b.labels), names]);

function issueLabels(call: GitHubCall, labelNames: string[], labels: Label[]) {
  return labelNames.map((name) =>
    labelShape(call.urls, labels.find((l) => l.name === name) ?? { name, color: DEFAULT_COLOR, description: null }),
  );
}

export async function addLabels(call: GitHubCall) {
  const wanted = parseBody(call, addSchema, "Label");
  return withRepoLock(call.dir, async () => {
    const store = loadPullStore(call.dir);
    const pull = store.pulls.find((p) => p.number === Number(call.params.number));
    if (!pull) throw notFound();
    const added: string[] = [];
    for (const name of wanted) {
      const known = store.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
      if (!known) store.labels.push({ name, color: DEFAULT_COLOR, description: null });
      const canonical = known?.name ?? name;
      if (!pull.labels.includes(canonical)) {
        pull.labels.push(canonical);
        added.push(canonical);
      }
    }
    pull.updatedAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    savePullStore(call.dir, store);
    for (const name of added) {
      const label = labelShape(
        call.urls,
        store.labels.find((l) => l.name === name) ?? { name, color: DEFAULT_COLOR, description: null },
      );
      deliver(call, "pull_request", {
        action: "labeled",
        number: pull.number,
        label,
        pull_request: pullShape(call.urls, pull, store.labels),
      });
    }
    return json(200, issueLabels(call, pull.labels, store.labels));
  });
}

export async function getIssueLabels(call: GitHubCall) {
  const store = loadPullStore(call.dir);
  const pull = store.pulls.find((p) => p.number === Number(call.params.number));
  if (!pull) throw notFound();
  return json(200, issueLabels(call, pull.labels, store.labels));
}
