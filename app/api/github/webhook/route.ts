import { NextResponse } from "next/server";
import { getConfig } from "@/lib/config/env";
import { getPrisma } from "@/lib/db/prisma";
import { isValidWebhookSignature } from "@/lib/git/webhook-signature";
import { receiveGitHubWebhook } from "@/lib/savings/receive-github-webhook";

export const dynamic = "force-dynamic";

const EVENT_NAME = /^[a-z_]{1,64}$/;

function answer(status: number, message: string) {
  return NextResponse.json({ message }, { status, headers: { "cache-control": "no-store" } });
}

/** POST /api/github/webhook: GitHub deliveries signed with GITHUB_WEBHOOK_SECRET (X-Hub-Signature-256). */
export async function POST(request: Request) {
  const secret = getConfig().GITHUB_WEBHOOK_SECRET;
  if (!secret)
    return answer(503, "Webhooks are not configured: set GITHUB_WEBHOOK_SECRET to the secret of the GitHub hook");
  const body = await request.text();
  if (!isValidWebhookSignature(secret, body, request.headers.get("x-hub-signature-256")))
    return answer(401, "Missing or invalid X-Hub-Signature-256");
  const event = request.headers.get("x-github-event") ?? "";
  if (!EVENT_NAME.test(event)) return answer(400, "Missing or invalid X-GitHub-Event header");
  try {
    const result = await receiveGitHubWebhook(await getPrisma(), { event, body });
    return answer(result.status, result.message);
  } catch (error) {
    console.error(`POST /api/github/webhook (${event}) failed:`, error);
    return answer(500, "Applying the delivery failed; it is logged, and a redelivery or the next poll retries it");
  }
}
