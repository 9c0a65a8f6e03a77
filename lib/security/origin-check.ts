// Cross-site request refusal for everything that is not a plain read. A browser always sends Origin on a
// cross-origin POST, so a state change is accepted only from APP_URL's origin or the host the request was
// sent to. A request without Origin (curl, a webhook) passes only when it carries no session cookie: a
// forged request in a browser would carry one.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginCheckInput = {
  method: string;
  headers: Headers;
  /** APP_URL's origin, when configured. */
  allowedOrigin: string | null;
  /** Whether the request authenticates with a cookie (it carries the session cookie). */
  cookieAuthenticated: boolean;
};

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

export function checkOrigin(input: OriginCheckInput): OriginVerdict {
  if (isSafeMethod(input.method)) return { ok: true };
  if (input.headers.get("sec-fetch-site") === "cross-site") {
    return { ok: false, reason: "cross-site request" };
  }
  const origin = input.headers.get("origin");
  if (origin === null) {
    return input.cookieAuthenticated ? { ok: false, reason: "missing Origin header" } : { ok: true };
  }
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    // "null" (a sandboxed frame, a privacy redirect) lands here too: no origin we could trust.
    return { ok: false, reason: "opaque or unreadable Origin header" };
  }
  if (!["http:", "https:"].includes(parsed.protocol)) return { ok: false, reason: "opaque Origin" };
  if (input.allowedOrigin && parsed.origin === input.allowedOrigin) return { ok: true };
  const ownHosts = [input.headers.get("host"), input.headers.get("x-forwarded-host")].filter(Boolean);
  if (ownHosts.includes(parsed.host)) return { ok: true };
  return { ok: false, reason: "Origin is not this app" };
}
