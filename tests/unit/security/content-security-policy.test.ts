import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy";
import type { NextConfig } from "next";

// next.config.js is plain JavaScript (allowJs is off): imported through a path TypeScript does not resolve.
const NEXT_CONFIG_PATH: string = "../../../next.config.js";

const directives = (policy: string) =>
  new Map(policy.split("; ").map((directive) => [directive.split(" ")[0]!, directive.split(" ").slice(1)]));

describe("buildContentSecurityPolicy", () => {
  it("allows scripts by this response's nonce only, with strict-dynamic, and no framing", () => {
    const nonce = createNonce();
    const policy = directives(buildContentSecurityPolicy({ nonce, development: false, https: true }));
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("adds eval for next dev only, the issuer to form-action, and no https upgrade over http", () => {
    const policy = directives(
      buildContentSecurityPolicy({
        nonce: "n",
        development: true,
        https: false,
        issuerOrigin: "https://login.example.com",
      }),
    );
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("form-action")).toEqual(["'self'", "https://login.example.com"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});

describe("next.config.js security headers", () => {
  it("sends nosniff, a referrer policy, a permissions policy and no framing on every path", async () => {
    const { default: nextConfig } = (await import(NEXT_CONFIG_PATH)) as { default: NextConfig };
    const rules = await nextConfig.headers!();
    const everyPath = rules.find((rule) => rule.source === "/:path*");
    const names = new Map(everyPath!.headers.map((header) => [header.key, header.value]));
    expect(names.get("X-Content-Type-Options")).toBe("nosniff");
    expect(names.get("Referrer-Policy")).toBe("same-origin");
    expect(names.get("X-Frame-Options")).toBe("DENY");
    expect(names.get("Permissions-Policy")).toContain("camera=()");
  });
});
