import { describe, expect, it } from "vitest";
import { checkOrigin } from "@/lib/security/origin-check";

const base = { allowedOrigin: "https://costlens.example.com", cookieAuthenticated: true };
const headers = (entries: Record<string, string>) => new Headers(entries);

describe("checkOrigin", () => {
  it("lets reads through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(checkOrigin({ ...base, method, headers: headers({ origin: "https://evil.example" }) }).ok).toBe(true);
    }
  });

  it("accepts APP_URL's origin and the request's own host", () => {
    expect(
      checkOrigin({ ...base, method: "POST", headers: headers({ origin: "https://costlens.example.com" }) }).ok,
    ).toBe(true);
    expect(
      checkOrigin({
        ...base,
        method: "POST",
        headers: headers({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }),
      }).ok,
    ).toBe(true);
  });

  it("refuses another site, a look-alike host, another port and an opaque origin", () => {
    for (const origin of [
      "https://evil.example",
      "https://costlens.example.com.evil.example",
      "https://costlens.example.com:8443",
      "null",
      "file://",
    ]) {
      const verdict = checkOrigin({
        ...base,
        method: "POST",
        headers: headers({ origin, host: "costlens.example.com" }),
      });
      expect(verdict.ok, origin).toBe(false);
    }
  });

  it("refuses a browser's cross-site fetch metadata even without Origin", () => {
    expect(checkOrigin({ ...base, method: "DELETE", headers: headers({ "sec-fetch-site": "cross-site" }) }).ok).toBe(
      false,
    );
  });

  it("refuses a cookie-authenticated POST without Origin, and lets a cookie-less one through (a webhook)", () => {
    expect(checkOrigin({ ...base, method: "POST", headers: headers({}) })).toEqual({
      ok: false,
      reason: "missing Origin header",
    });
    expect(checkOrigin({ ...base, cookieAuthenticated: false, method: "POST", headers: headers({}) }).ok).toBe(true);
  });

  it("works without APP_URL from the host alone", () => {
    const input = { allowedOrigin: null, cookieAuthenticated: false, method: "PUT" };
    expect(
      checkOrigin({ ...input, headers: headers({ origin: "http://localhost:3000", host: "localhost:3000" }) }).ok,
    ).toBe(true);
    expect(
      checkOrigin({ ...input, headers: headers({ origin: "http://localhost:4000", host: "localhost:3000" }) }).ok,
    ).toBe(false);
  });
});
