// A verified GitHub webhook delivery: `pull_request` events about a tracked pull request are applied like a
// poll (applyPullRequestState); everything else is acknowledged and ignored, so GitHub does not retry it.
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client";
import { gitHubPullSchema, observePullRequest } from "../git/pull-request-state";
import { applyPullRequestState } from "./apply-pull-request-state";

/** The actions that can move what CostLens tracks: state, merge and the head commit. */
const TRACKED_ACTIONS = new Set(["closed", "reopened", "synchronize", "edited"]);

const pullRequestEventSchema = z.object({ action: z.string().min(1), pull_request: gitHubPullSchema });

export type WebhookResult =
  { status: 200; message: string } | { status: 202; message: string } | { status: 400; message: string };

export async function receiveGitHubWebhook(
  prisma: PrismaClient,
  delivery: { event: string; body: string },
): Promise<WebhookResult> {
  if (delivery.event === "ping") return { status: 200, message: "pong" };
  if (delivery.event !== "pull_request")
    return { status: 202, message: `ignored: ${delivery.event} events are not tracked` };
  let json: unknown;
  try {
    json = JSON.parse(delivery.body);
  } catch {
    return { status: 400, message: "the body is not JSON" };
  }
  const parsed = pullRequestEventSchema.safeParse(json);
  if (!parsed.success) return { status: 400, message: "the body is not a pull_request event payload" };
  if (!TRACKED_ACTIONS.has(parsed.data.action))
    return { status: 202, message: `ignored: the ${parsed.data.action} action changes nothing tracked` };
  const observed = observePullRequest(parsed.data.pull_request);
  const outcome = await applyPullRequestState(prisma, observed);
  switch (outcome.kind) {
    case "untracked":
      return { status: 202, message: "ignored: not a pull request CostLens opened" };
    case "opening":
      return { status: 202, message: "ignored: the pull request is still being opened" };
    case "unchanged":
      return { status: 200, message: `already ${outcome.state.toLowerCase()}` };
    case "changed":
      return { status: 200, message: `${outcome.from.toLowerCase()} -> ${outcome.to.toLowerCase()}` };
  }
}
