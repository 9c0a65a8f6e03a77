// Webhook deliveries, as GitHub makes them: a JSON POST per subscribed hook with X-GitHub-Event,
// X-GitHub-Delivery and X-Hub-Signature-256 (HMAC-SHA256 of the body with the hook's secret). They are sent
// after the API has answered, so a slow receiver never slows the API; the outcome is kept as the hook's
// last_response.
import { createHmac, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { type Hook, loadPullStore, savePullStore } from "../pull-store";
import { withRepoLock } from "../repo-lock";
import type { GitHubCall } from "./call";
import { SANDBOX_USER, ownerShape, repoShape } from "./identity";

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

function subscribed(hook: Hook, event: string): boolean {
  return hook.active && (event === "ping" || hook.events.includes("*") || hook.events.includes(event));
}

async function send(hook: Hook, event: string, body: string): Promise<Hook["lastResponse"]> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "GitHub-Hookshot/sandbox",
    "x-github-event": event,
    "x-github-delivery": randomUUID(),
    "x-github-hook-id": String(hook.id),
    "x-github-hook-installation-target-type": "repository",
  };
  if (hook.secret) headers["x-hub-signature-256"] = signature(hook.secret, body);
  try {
    const response = await fetch(hook.url, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
    return { code: response.status, status: response.ok ? "active" : "failed", message: `HTTP ${response.status}` };
  } catch (error) {
    return { code: null, status: "failed", message: error instanceof Error ? error.message : String(error) };
  }
}

async function record(dir: string, hookId: number, lastResponse: Hook["lastResponse"]): Promise<void> {
  // A delivery can finish after its sandbox closed and removed the repository: nothing is left to update.
  if (!existsSync(dir)) return;
  await withRepoLock(dir, async () => {
    const store = loadPullStore(dir);
    const hook = store.hooks.find((h) => h.id === hookId);
    if (!hook) return;
    hook.lastResponse = lastResponse;
    savePullStore(dir, store);
  });
}

/** Queues one event to every hook subscribed to it (or to one hook, for its ping). */
export function deliver(call: GitHubCall, event: string, payload: Record<string, unknown>, only?: Hook): void {
  const hooks = only ? [only] : loadPullStore(call.dir).hooks.filter((h) => subscribed(h, event));
  if (hooks.length === 0) return;
  const body = JSON.stringify({
    ...payload,
    repository: repoShape(call.urls.api),
    sender: ownerShape(SANDBOX_USER, call.urls.api),
  });
  setImmediate(() => {
    for (const hook of hooks) {
      void send(hook, event, body)
        .then((result) => record(call.dir, hook.id, result))
        .catch((error: unknown) =>
          console.error(`webhook ${hook.id} (${event}): recording the delivery failed`, error),
        );
    }
  });
}
