// CSRF tokens bound to the session: an HMAC of the session id under a key only the server holds. A page
// of ours gets the token in a <meta> tag; another site can neither read it nor compute it, and it dies with
// the session. No token store: any replica can check any token.
import { createHmac, timingSafeEqual } from "node:crypto";

export function csrfToken(key: Uint8Array, sessionId: string): string {
  return createHmac("sha256", key).update(`csrf:${sessionId}`).digest("base64url");
}

export function verifyCsrfToken(key: Uint8Array, sessionId: string, presented: string | null | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfToken(key, sessionId));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
