import { afterEach, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "@/lib/auth/cookies";
import { readSession, SESSION_LIFETIME_SECONDS, sessionCookie, type Session } from "@/lib/auth/session";
import { readSignInFlow, safeReturnPath, signInFlowCookie } from "@/lib/auth/sign-in-flow";

const keys = { sessionSecret: "k".repeat(40), secureCookies: true };
const session: Session = {
  sid: "s".repeat(24),
  sub: "user-1",
  email: "ana@example.com",
  name: "Ana",
  groups: ["admins"],
};

/** "name=value; Path=/; ..." -> the Cookie header a browser would send back. */
const asCookieHeader = (setCookie: string) => setCookie.split(";")[0]!;

afterEach(() => vi.useRealTimers());

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax, Secure over https, and lasts the session's lifetime", async () => {
    const header = await sessionCookie(keys, session);
    expect(header.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    expect(header).toContain("HttpOnly");
    expect(header).toContain("SameSite=Lax");
    expect(header).toContain("Secure");
    expect(header).toContain(`Max-Age=${SESSION_LIFETIME_SECONDS}`);
    expect(await sessionCookie({ ...keys, secureCookies: false }, session)).not.toContain("Secure");
  });

  it("is encrypted: the browser cannot read the email or the groups in it", async () => {
    const header = await sessionCookie(keys, session);
    expect(header).not.toContain("ana@example.com");
    expect(Buffer.from(header.split("=")[1]!.split(".")[1] ?? "", "base64url").toString()).not.toContain("admins");
  });

  it("reads back what was sealed", async () => {
    const cookie = asCookieHeader(await sessionCookie(keys, session));
    expect(await readSession(keys, `other=1; ${cookie}`)).toEqual(session);
  });

  it("is refused when altered, sealed with another secret, missing or expired", async () => {
    const cookie = asCookieHeader(await sessionCookie(keys, session));
    const value = cookie.slice(SESSION_COOKIE.length + 1);
    const flipped = value.slice(0, -3) + (value.at(-3) === "A" ? "B" : "A") + value.slice(-2);
    expect(await readSession(keys, `${SESSION_COOKIE}=${flipped}`)).toBeNull();
    expect(await readSession({ ...keys, sessionSecret: "z".repeat(40) }, cookie)).toBeNull();
    expect(await readSession(keys, null)).toBeNull();
    expect(await readSession(keys, `${SESSION_COOKIE}=not-a-jwe`)).toBeNull();

    vi.useFakeTimers({ now: Date.now() + (SESSION_LIFETIME_SECONDS + 60) * 1000 });
    expect(await readSession(keys, cookie)).toBeNull();
  });
});

describe("the sign-in flow cookie", () => {
  const flow = { state: "a".repeat(43), nonce: "b".repeat(43), codeVerifier: "c".repeat(43), returnTo: "/waste" };

  it("lives under /api/auth only, for ten minutes", async () => {
    const header = await signInFlowCookie(keys, flow);
    expect(header).toContain("Path=/api/auth");
    expect(header).toContain("Max-Age=600");
    expect(await readSignInFlow(keys, asCookieHeader(header))).toEqual(flow);
  });

  it("cannot be opened as a session, nor a session as a flow (each use has its own key)", async () => {
    const flowValue = asCookieHeader(await signInFlowCookie(keys, flow)).split("=")[1];
    expect(await readSession(keys, `${SESSION_COOKIE}=${flowValue}`)).toBeNull();
    const sessionValue = asCookieHeader(await sessionCookie(keys, session)).split("=")[1];
    expect(await readSignInFlow(keys, `costlens_sign_in=${sessionValue}`)).toBeNull();
  });
});

describe("safeReturnPath", () => {
  it.each([
    ["/waste?type=zombie", "/waste?type=zombie"],
    [null, "/"],
    ["https://evil.example", "/"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["/api/auth/callback", "/"],
    ["/sign-in?returnTo=/x", "/"],
  ])("%s -> %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
