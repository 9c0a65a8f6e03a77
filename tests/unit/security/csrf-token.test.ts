import { describe, expect, it } from "vitest";
import { deriveKey } from "@/lib/auth/secret-keys";
import { csrfToken, verifyCsrfToken } from "@/lib/security/csrf-token";

const key = deriveKey("s".repeat(40), "csrf");

describe("CSRF tokens", () => {
  it("verify for the session they were made for", () => {
    expect(verifyCsrfToken(key, "session-a", csrfToken(key, "session-a"))).toBe(true);
  });

  it("fail for another session, another secret, a missing or a mangled token", () => {
    const token = csrfToken(key, "session-a");
    expect(verifyCsrfToken(key, "session-b", token)).toBe(false);
    expect(verifyCsrfToken(deriveKey("t".repeat(40), "csrf"), "session-a", token)).toBe(false);
    expect(verifyCsrfToken(key, "session-a", null)).toBe(false);
    expect(verifyCsrfToken(key, "session-a", "")).toBe(false);
    expect(verifyCsrfToken(key, "session-a", token.slice(1))).toBe(false);
    expect(verifyCsrfToken(key, "session-a", `${token}x`)).toBe(false);
  });

  it("are not the session key's output: every use derives its own key", () => {
    expect(csrfToken(deriveKey("s".repeat(40), "session"), "session-a")).not.toBe(csrfToken(key, "session-a"));
  });
});
