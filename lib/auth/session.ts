// The signed-in session: who (subject, email, name) and the mapped groups their roles come from, sealed in
// one cookie. Roles are worked out from the groups on every request, so a change to OIDC_ROLE_GROUPS
// applies at once; the session lasts a working day, then the issuer is asked again.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { SESSION_COOKIE } from "./cookies";
import { type CookieKeys, sealedCookieKind } from "./sealed-cookie-kind";

export const SESSION_LIFETIME_SECONDS = 8 * 60 * 60;

const sessionSchema = z.object({
  /** Random per sign-in: what CSRF tokens are bound to. */
  sid: z.string().min(16),
  sub: z.string().min(1),
  email: z.string().optional(),
  name: z.string().optional(),
  groups: z.array(z.string()),
});

export type Session = z.infer<typeof sessionSchema>;

const cookie = sealedCookieKind({
  name: SESSION_COOKIE,
  purpose: "session",
  lifetimeSeconds: SESSION_LIFETIME_SECONDS,
  schema: sessionSchema,
});

export function newSessionId(): string {
  return randomBytes(18).toString("base64url");
}

/** The Set-Cookie header that starts `session`. */
export function sessionCookie(config: CookieKeys, session: Session): Promise<string> {
  return cookie.seal(config, session);
}

export function clearSessionCookie(config: { secureCookies: boolean }): string {
  return cookie.clear(config);
}

/** The session a Cookie header carries, or null (none, expired, forged or altered). */
export function readSession(config: CookieKeys, cookieHeader: string | null): Promise<Session | null> {
  return cookie.open(config, cookieHeader);
}
