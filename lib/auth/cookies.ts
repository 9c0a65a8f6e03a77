// Cookie names and Set-Cookie headers. Route handlers build their responses by hand, so they run the same
// inside Next and when a test calls them with a plain Request.
export const SESSION_COOKIE = "costlens_session";
export const SIGN_IN_FLOW_COOKIE = "costlens_sign_in";

export type CookieOptions = { maxAgeSeconds: number; secure: boolean; path?: string };

export function setCookieHeader(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${value}`,
    `Path=${options.path ?? "/"}`,
    `Max-Age=${options.maxAgeSeconds}`,
    "HttpOnly",
    "SameSite=Lax",
  ];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

export function clearCookieHeader(name: string, options: { secure: boolean; path?: string }): string {
  return setCookieHeader(name, "", { ...options, maxAgeSeconds: 0 });
}

/** One cookie's value from a Cookie header. */
export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}
