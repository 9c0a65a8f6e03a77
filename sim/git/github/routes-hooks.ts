// Repository webhooks: create (answered by a ping delivery), list and delete.
import { z } from "zod";
import { type Hook, loadPullStore, savePullStore } from "../pull-store";
import { withRepoLock } from "../repo-lock";
import { type GitHubCall, json, noContent, parseBody, type Urls } from "./call";
import { notFound } from "./errors";
import { deliver } from "./webhooks";

function hookShape(urls: Urls, hook: Hook) {
  const url = `${urls.repoApi}/hooks/${hook.id}`;
  return {
    type: "Repository",
    id: hook.id,
    name: "web",
    active: hook.active,
    events: hook.events,
    config: { url: hook.url, content_type: "json", insecure_ssl: "0", ...(hook.secret ? { secret: "********" } : {}) },
    created_at: hook.createdAt,
    updated_at: hook.createdAt,
    url,
    test_url: `${url}/test`,
    ping_url: `${url}/pings`,
    deliveries_url: `${url}/deliveries`,
    last_response: hook.lastResponse,
  };
}

const createSchema = z.object({
  name: z.literal("web").optional(),
  config: z.object({
    url: z.url(),
    content_type: z.enum(["json", "form"]).optional(),
    secret: z.string().optional(),
    insecure_ssl: z.union([z.string(), z.number()]).optional(),
  }),
  events: z.array(z.string()).default(["push"]),
  active: z.boolean().default(true),
});

export async function createHook(call: GitHubCall) {
  const body = parseBody(call, createSchema, "Hook");
  const hook = await withRepoLock(call.dir, async () => {
    const store = loadPullStore(call.dir);
    const created: Hook = {
      id: 1 + Math.max(0, ...store.hooks.map((h) => h.id)),
      url: body.config.url,
      secret: body.config.secret ?? null,
      events: body.events,
      active: body.active,
      createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
      lastResponse: { code: null, status: "unused", message: null },
    };
    savePullStore(call.dir, { ...store, hooks: [...store.hooks, created] });
    return created;
  });
  deliver(
    call,
    "ping",
    { zen: "Keep it logically awesome.", hook_id: hook.id, hook: hookShape(call.urls, hook) },
    hook,
  );
  return json(201, hookShape(call.urls, hook));
}

export async function listHooks(call: GitHubCall) {
  return json(
    200,
    loadPullStore(call.dir).hooks.map((h) => hookShape(call.urls, h)),
  );
}

export async function deleteHook(call: GitHubCall) {
  return withRepoLock(call.dir, async () => {
    const store = loadPullStore(call.dir);
    const hooks = store.hooks.filter((h) => h.id !== Number(call.params.id));
    if (hooks.length === store.hooks.length) throw notFound();
    savePullStore(call.dir, { ...store, hooks });
    return noContent();
  });
}
