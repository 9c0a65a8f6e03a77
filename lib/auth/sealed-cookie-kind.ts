// One kind of sealed cookie (the session, the sign-in flow): its name, path and lifetime, the key its purpose
// derives from SESSION_SECRET, and the schema its payload must pass when it comes back.
import type { z } from "zod";
import { clearCookieHeader, readCookie, setCookieHeader } from "./cookies";
import { openCookieValue, sealCookieValue } from "./sealed-cookie";
import { deriveKey, type KeyPurpose } from "./secret-keys";

export type CookieKeys = { sessionSecret: string; secureCookies: boolean };

export interface SealedCookieKind<T extends Record<string, unknown>> {
  /** The Set-Cookie header that carries `payload`. */
  seal(config: CookieKeys, payload: T): Promise<string>;
  /** The Set-Cookie header that removes it. */
  clear(config: { secureCookies: boolean }): string;
  /** The payload a Cookie header carries, or null (none, expired, forged or altered). */
  open(config: CookieKeys, cookieHeader: string | null): Promise<T | null>;
}

export function sealedCookieKind<T extends Record<string, unknown>>(kind: {
  name: string;
  purpose: KeyPurpose;
  lifetimeSeconds: number;
  /** the path the browser sends it under; "/" when unset */
  path?: string;
  schema: z.ZodType<T>;
}): SealedCookieKind<T> {
  const { name, purpose, lifetimeSeconds, path, schema } = kind;
  return {
    async seal(config, payload) {
      const value = await sealCookieValue(deriveKey(config.sessionSecret, purpose), purpose, payload, lifetimeSeconds);
      return setCookieHeader(name, value, { maxAgeSeconds: lifetimeSeconds, secure: config.secureCookies, path });
    },
    clear(config) {
      return clearCookieHeader(name, { secure: config.secureCookies, path });
    },
    async open(config, cookieHeader) {
      return openCookieValue(deriveKey(config.sessionSecret, purpose), purpose, readCookie(cookieHeader, name), schema);
    },
  };
}
