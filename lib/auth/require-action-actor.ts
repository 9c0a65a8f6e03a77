// The guard of server actions: the same Origin check and capability check as route handlers, read from
// the action request's headers. Next posts actions itself (no place for our CSRF header); its own
// Origin-versus-Host check and ours stand in for the token.
import { cookies, headers } from "next/headers";
import { checkOrigin } from "../security/origin-check";
import { actorFromCookieHeader, type Actor } from "./actor";
import { getAuthConfig } from "./auth-config";
import { refusalMessage } from "./capability-text";
import { SESSION_COOKIE } from "./cookies";
import { can, type Capability, type CapabilityScope } from "./roles";

export type ActionGuard = { ok: true; actor: Actor } | { ok: false; message: string };

export async function requireActionActor(capability: Capability, scope: CapabilityScope = {}): Promise<ActionGuard> {
  const config = getAuthConfig();
  const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
  const origin = checkOrigin({
    method: "POST",
    headers: headerList,
    allowedOrigin: config.appOrigin,
    cookieAuthenticated: config.enabled && cookieStore.has(SESSION_COOKIE),
  });
  if (!origin.ok) {
    console.warn(`[costlens] refused a server action: ${origin.reason}`);
    return { ok: false, message: "Cross-site request refused." };
  }
  const actor = await actorFromCookieHeader(headerList.get("cookie"));
  if (!actor) return { ok: false, message: "Your session has ended: sign in again." };
  if (!can(actor.grants, capability, scope)) return { ok: false, message: refusalMessage(capability) };
  return { ok: true, actor };
}
