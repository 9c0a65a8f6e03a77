// The signed-in session: who (subject, email, name) and the mapped groups their roles come from, sealed in
// one cookie. Roles are worked out from the groups on every request, so a change to OIDC_ROLE_GROUPS
// applies at once; the session lasts a working day, then the issuer is asked again.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { clearCookieHeader, readCookie, SESSION_COOKIE, setCookieHeader } from "./cookies";
import { openCookieValue, sealCookieValue } from "./sealed-cookie";
import { deriveKey } from "./secret-keys";

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

type SessionKeys = { sessionSecret: string; secureCookies: boolean };

export function newSessionId(): string {
  return randomBytes(18).toString("base64url");
}

/** The Set-Cookie header that starts `session`. */
export async function sessionCookie(config: SessionKeys, session: Session): Promise<string> {
  const value = await sealCookieValue(
    deriveKey(config.sessionSecret, "session"),
    "session",
    session,
    SESSION_LIFETIME_SECONDS,
  );
  return setCookieHeader(SESSION_COOKIE, value, {
    maxAgeSeconds: SESSION_LIFETIME_SECONDS,
    secure: config.secureCookies,
  });
}

export function clearSessionCookie(config: { secureCookies: boolean }): string {
  return clearCookieHeader(SESSION_COOKIE, { secure: config.secureCookies });
}

/** The session a Cookie header carries, or null (none, expired, forged or altered). */
export async function readSession(config: SessionKeys, cookieHeader: string | null): Promise<Session | null> {
  return openCookieValue(
    deriveKey(config.sessionSecret, "session"),
    "session",
    readCookie(cookieHeader, SESSION_COOKIE),
    sessionSchema,
  );
}
