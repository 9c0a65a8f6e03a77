// The one guard of route handlers: the request must come from this app (Origin), be signed in (session
// cookie, or sign-in off), carry the session's CSRF token when it changes state, and hold the capability.
//
//   const guard = await requireActor(request, "jobs.start");
//   if (!guard.ok) return guard.response;
//   ... guard.actor.id is who the audit log records.
import { describeDatabaseError } from "../db/describe-error";
import { isSafeMethod } from "../security/origin-check";
import { CSRF_HEADER } from "../security/csrf-header";
import { verifyCsrfToken } from "../security/csrf-token";
import { actorFromCookieHeader, type Actor } from "./actor";
import { getAuthConfig } from "./auth-config";
import { refusalMessage } from "./capability-text";
import { requestOriginAllowed } from "./request-origin";
import { can, type Capability, type CapabilityScope } from "./roles";
import { deriveKey } from "./secret-keys";

export type Guard = { ok: true; actor: Actor } | { ok: false; response: Response };

/** The scope, or a function that finds it once the person is known (a recommendation's squad, say). */
export type ScopeSource = CapabilityScope | (() => Promise<CapabilityScope>);

const refuse = (status: 401 | 403 | 503, error: string): Guard => ({
  ok: false,
  response: Response.json({ error }, { status, headers: { "cache-control": "no-store" } }),
});

export async function requireActor(
  request: Request,
  capability: Capability | null,
  scope: ScopeSource = {},
): Promise<Guard> {
  const config = getAuthConfig();
  if (!requestOriginAllowed(request, config)) return refuse(403, "Cross-site request refused");
  const actor = await actorFromCookieHeader(request.headers.get("cookie"));
  if (!actor) return refuse(401, "Sign in to continue");
  if (config.enabled && actor.sessionId && !isSafeMethod(request.method)) {
    const key = deriveKey(config.sessionSecret, "csrf");
    if (!verifyCsrfToken(key, actor.sessionId, request.headers.get(CSRF_HEADER))) {
      return refuse(403, "Missing or stale security token: reload the page and try again");
    }
  }
  if (capability && !actor.grants.admin) {
    let resolved: CapabilityScope;
    try {
      resolved = typeof scope === "function" ? await scope() : scope;
    } catch (error) {
      console.error(
        `[costlens] the permission check of ${request.method} ${new URL(request.url).pathname} failed:`,
        error,
      );
      return refuse(503, describeDatabaseError(error).title);
    }
    if (!can(actor.grants, capability, resolved)) return refuse(403, refusalMessage(capability));
  }
  return { ok: true, actor };
}
