// The Origin check of a request as this app applies it, shared by the proxy (every route) and the route
// handlers' guard: a request counts as cookie-authenticated when sign-in is on and it sends the session
// cookie. A refusal is logged with the reason, so a misconfigured APP_URL shows up in the server's log.
import { checkOrigin } from "../security/origin-check";
import type { AuthConfig } from "./auth-config";
import { readCookie, SESSION_COOKIE } from "./cookies";

/** True when the request may go on; false (logged) when it is a refused cross-site request. */
export function requestOriginAllowed(request: Request, config: AuthConfig): boolean {
  const verdict = checkOrigin({
    method: request.method,
    headers: request.headers,
    allowedOrigin: config.appOrigin,
    cookieAuthenticated: config.enabled && readCookie(request.headers.get("cookie"), SESSION_COOKIE) !== undefined,
  });
  if (verdict.ok) return true;
  console.warn(`[costlens] refused ${request.method} ${new URL(request.url).pathname}: ${verdict.reason}`);
  return false;
}
