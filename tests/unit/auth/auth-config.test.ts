import { describe, expect, it } from "vitest";
import { parseAuthConfig } from "@/lib/auth/auth-config";
import { ConfigError, parseConfig } from "@/lib/config/env";

const complete = {
  OIDC_ISSUER: "https://login.example.com/realms/acme",
  OIDC_CLIENT_ID: "costlens",
  OIDC_CLIENT_SECRET: "s3cret-value",
  SESSION_SECRET: "x".repeat(40),
  APP_URL: "https://costlens.example.com",
  OIDC_ROLE_GROUPS: "admins=admin;checkout-leads=squad-lead:checkout",
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseAuthConfig(parseConfig(env));
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("parseAuthConfig", () => {
  it("is off without OIDC_ISSUER, keeping APP_URL's origin for the Origin check", () => {
    expect(parseAuthConfig(parseConfig({}))).toEqual({ enabled: false, appOrigin: null });
    expect(parseAuthConfig(parseConfig({ APP_URL: "http://127.0.0.1:3000/x" }))).toEqual({
      enabled: false,
      appOrigin: "http://127.0.0.1:3000",
    });
  });

  it("is on with an issuer, with Secure cookies for an https APP_URL", () => {
    const config = parseAuthConfig(parseConfig(complete));
    expect(config.enabled).toBe(true);
    if (!config.enabled) return;
    expect(config.appOrigin).toBe("https://costlens.example.com");
    expect(config.secureCookies).toBe(true);
    expect(config.allowInsecureIssuer).toBe(false);
    expect(config.roleGroups).toHaveLength(2);
  });

  it("names every variable the issuer needs and is missing, without echoing secrets", () => {
    const problems = problemsOf({ OIDC_ISSUER: complete.OIDC_ISSUER, OIDC_CLIENT_SECRET: "top-secret" });
    expect(problems.map((problem) => problem.split(":")[0])).toEqual(["OIDC_CLIENT_ID", "SESSION_SECRET", "APP_URL"]);
    expect(problems.join("\n")).not.toContain("top-secret");
  });

  it("refuses a plain-http issuer unless it is on the loopback interface", () => {
    expect(problemsOf({ ...complete, OIDC_ISSUER: "http://login.example.com" })[0]).toMatch(
      /^OIDC_ISSUER: expected an https/,
    );
    const local = parseAuthConfig(
      parseConfig({ ...complete, OIDC_ISSUER: "http://127.0.0.1:4000", APP_URL: "http://127.0.0.1:3000" }),
    );
    expect(local.enabled && local.allowInsecureIssuer).toBe(true);
    expect(local.enabled && local.secureCookies).toBe(false);
  });

  it("names OIDC_ROLE_GROUPS when a mapping entry cannot be read", () => {
    expect(problemsOf({ ...complete, OIDC_ROLE_GROUPS: "admins=root" })[0]).toMatch(/^OIDC_ROLE_GROUPS: entry 1/);
  });
});
