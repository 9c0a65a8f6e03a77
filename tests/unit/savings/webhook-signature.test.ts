import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isValidWebhookSignature, signWebhookBody } from "@/lib/git/webhook-signature";

const secret = "a-webhook-secret-of-some-length";
const body = JSON.stringify({ action: "closed", number: 7, pull_request: { merged: true } });
const header = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

describe("isValidWebhookSignature", () => {
  it("accepts GitHub's X-Hub-Signature-256 of the raw body", () => {
    expect(signWebhookBody(secret, body)).toBe(header);
    expect(isValidWebhookSignature(secret, body, header)).toBe(true);
    expect(isValidWebhookSignature(secret, Buffer.from(body), header.toUpperCase().replace("SHA256=", "sha256="))).toBe(
      true,
    );
  });

  it("refuses a tampered body", () => {
    expect(isValidWebhookSignature(secret, body.replace('"closed"', '"reopened"'), header)).toBe(false);
    expect(isValidWebhookSignature(secret, `${body} `, header)).toBe(false);
  });

  it("refuses a signature made with another secret", () => {
    expect(isValidWebhookSignature(secret, body, signWebhookBody("another-secret-entirely", body))).toBe(false);
  });

  it("refuses a missing or malformed header", () => {
    expect(isValidWebhookSignature(secret, body, null)).toBe(false);
    expect(isValidWebhookSignature(secret, body, "")).toBe(false);
    expect(isValidWebhookSignature(secret, body, header.slice("sha256=".length))).toBe(false);
    expect(isValidWebhookSignature(secret, body, header.replace("sha256=", "sha1="))).toBe(false);
    expect(isValidWebhookSignature(secret, body, header.slice(0, -2))).toBe(false);
  });
});
