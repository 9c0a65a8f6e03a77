// GitHub signs each webhook delivery with X-Hub-Signature-256: "sha256=" and the hex HMAC-SHA256 of the raw
// request body under the hook's secret. The check runs over the bytes as received (a re-serialised JSON body
// would not match) and compares in constant time, so a forger learns nothing from how long a refusal takes.
import { createHmac, timingSafeEqual } from "node:crypto";

const PREFIX = "sha256=";
const HEX_DIGEST = /^[0-9a-f]{64}$/;

export function signWebhookBody(secret: string, rawBody: string | Uint8Array): string {
  return `${PREFIX}${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

/** Whether `header` (the X-Hub-Signature-256 value, or null when absent) signs `rawBody` with `secret`. */
export function isValidWebhookSignature(secret: string, rawBody: string | Uint8Array, header: string | null): boolean {
  if (!header?.startsWith(PREFIX)) return false;
  const given = header.slice(PREFIX.length).toLowerCase();
  if (!HEX_DIGEST.test(given)) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(given, "hex"), expected);
}
