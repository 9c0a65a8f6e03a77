// The person behind a page render (server components): what the header shows and what a page may offer.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { csrfToken } from "../security/csrf-token";
import { actorFromCookieHeader, viewerOf, type Actor, type Viewer } from "./actor";
import { getAuthConfig } from "./auth-config";
import { deriveKey } from "./secret-keys";

export async function getPageActor(): Promise<Actor | null> {
  return actorFromCookieHeader((await headers()).get("cookie"));
}

/** The signed-in actor, or a redirect to sign-in that comes back to `returnTo`. */
export async function requirePageActor(returnTo: string): Promise<Actor> {
  const actor = await getPageActor();
  if (!actor) redirect(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  return actor;
}

/** What the layout hands the page: the viewer, the CSP nonce and the CSRF token for client fetches. */
export async function getPageContext(): Promise<{
  viewer: Viewer;
  nonce: string | undefined;
  csrfToken: string | null;
}> {
  const config = getAuthConfig();
  const actor = await getPageActor();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const token =
    config.enabled && actor?.sessionId ? csrfToken(deriveKey(config.sessionSecret, "csrf"), actor.sessionId) : null;
  return { viewer: viewerOf(actor, config.enabled), nonce, csrfToken: token };
}
