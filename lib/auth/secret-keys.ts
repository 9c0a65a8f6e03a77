// One secret (SESSION_SECRET), several keys: HKDF gives each use its own, so a session key can never open a
// sign-in flow cookie or sign a CSRF token, and the other way round.
import { hkdfSync } from "node:crypto";

export type KeyPurpose = "session" | "sign-in-flow" | "csrf";

const cache = new Map<string, Uint8Array>();

/** A 256-bit key for `purpose`, derived from `secret`. */
export function deriveKey(secret: string, purpose: KeyPurpose): Uint8Array {
  const id = `${purpose}\u0000${secret}`;
  let key = cache.get(id);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "costlens", `costlens ${purpose} v1`, 32));
    cache.set(id, key);
  }
  return key;
}
