// Cookie values the browser can carry but neither read nor alter: a JWT encrypted with AES-256-GCM (JWE,
// "dir"), so tampering fails authentication and the expiry inside is enforced on every read, whatever the
// browser does with the cookie's own Max-Age.
import { EncryptJWT, jwtDecrypt } from "jose";
import type { z } from "zod";

const ENCRYPTION = { alg: "dir", enc: "A256GCM" } as const;

export async function sealCookieValue(
  key: Uint8Array,
  purpose: string,
  payload: Record<string, unknown>,
  lifetimeSeconds: number,
): Promise<string> {
  return new EncryptJWT(payload)
    .setProtectedHeader({ ...ENCRYPTION, cty: purpose })
    .setAudience(`costlens:${purpose}`)
    .setIssuedAt()
    .setExpirationTime(`${lifetimeSeconds}s`)
    .encrypt(key);
}

/** The payload, or null when the value is missing, forged, altered, expired or of another purpose. */
export async function openCookieValue<T>(
  key: Uint8Array,
  purpose: string,
  value: string | undefined,
  schema: z.ZodType<T>,
): Promise<T | null> {
  if (!value) return null;
  try {
    const { payload } = await jwtDecrypt(value, key, {
      audience: `costlens:${purpose}`,
      keyManagementAlgorithms: [ENCRYPTION.alg],
      contentEncryptionAlgorithms: [ENCRYPTION.enc],
    });
    const parsed = schema.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
