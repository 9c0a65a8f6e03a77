// Sign-in against a real OpenID Connect provider on 127.0.0.1: the authorization code flow driven with
// plain HTTP (the provider's redirects followed with a cookie jar, our route handlers called as Next calls
// them), roles from groups, the guards on the job-start and dismiss routes, forged tokens and cookies
// refused, sign-out, and the proxy in front of it all.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE, SIGN_IN_FLOW_COOKIE } from "@/lib/auth/cookies";
import { recommendationScope } from "@/lib/auth/recommendation-scope";
import { deriveKey } from "@/lib/auth/secret-keys";
import { readSession } from "@/lib/auth/session";
import { setDatabase } from "@/lib/db/prisma";
import { CSRF_HEADER } from "@/lib/security/csrf-header";
import { csrfToken } from "@/lib/security/csrf-token";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { GET as callbackRoute } from "@/app/api/auth/callback/route";
import { POST as signOutRoute } from "@/app/api/auth/sign-out/route";
import { POST as startJobRoute } from "@/app/api/jobs/[job]/runs/route";
import { POST as dismissRoute } from "@/app/api/recommendations/[id]/dismiss/route";
import { proxy } from "@/proxy";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { startTestProvider, type TestProvider, type TestUser } from "./oidc-test-provider";

const APP_URL = "http://127.0.0.1:3999";
const SESSION_SECRET = "integration-session-secret-0123456789abcdef";

const users = {
  viewer: { sub: "u-viewer", email: "vic@example.com", name: "Vic Viewer", groups: ["everyone"] },
  unmapped: { sub: "u-none", email: "nia@example.com", name: "Nia", groups: ["marketing"] },
  checkoutLead: { sub: "u-lead", email: "lea@example.com", name: "Lea Lead", groups: ["everyone", "checkout-leads"] },
  engineer: { sub: "u-eng", email: "eli@example.com", name: "Eli Engineer", groups: ["platform-engineers"] },
  admin: { sub: "u-admin", email: "ada@example.com", name: "Ada Admin", groups: ["costlens-admins"] },
} satisfies Record<string, TestUser>;

let provider: TestProvider;
let database: TestDatabase;
let checkoutRecommendation: string;
let searchRecommendation: string;
const savedEnv = { ...process.env };

/** "a=1; Path=/; HttpOnly" -> "a=1"; cleared cookies (Max-Age=0) are left out. */
function cookiesFrom(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const separator = pair!.indexOf("=");
    if (/max-age=0/i.test(header)) continue;
    jar.set(pair!.slice(0, separator), pair!.slice(separator + 1));
  }
  return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/** Follows the provider's redirects (keeping its cookies) until it sends the browser back to our callback. */
async function loginAtProvider(authorizationUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(`${APP_URL}/api/auth/callback`)) return url;
    const response = await fetch(url, { redirect: "manual", headers: { cookie: cookieHeader(jar) } });
    for (const [name, value] of cookiesFrom(response)) jar.set(name, value);
    const location = response.headers.get("location");
    if (!location)
      throw new Error(`the provider stopped at ${url} with HTTP ${response.status}: ${await response.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error("the provider redirected more than 10 times");
}

type SignInStart = { flowCookie: string; callbackUrl: string };

async function startSignIn(user: TestUser, returnTo = "/jobs"): Promise<SignInStart> {
  provider.signInAs(user);
  const response = await signInRoute(
    new Request(`${APP_URL}/api/auth/sign-in`, {
      method: "POST",
      headers: { origin: APP_URL, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ returnTo }),
    }),
  );
  expect(response.status).toBe(303);
  const flow = cookiesFrom(response).get(SIGN_IN_FLOW_COOKIE);
  expect(flow).toBeDefined();
  return {
    flowCookie: `${SIGN_IN_FLOW_COOKIE}=${flow}`,
    callbackUrl: await loginAtProvider(response.headers.get("location")!),
  };
}

const callback = (start: SignInStart, url = start.callbackUrl) =>
  callbackRoute(new Request(url, { headers: { cookie: start.flowCookie } }));

type Browser = { cookie: string; csrf: string };

async function signIn(user: TestUser): Promise<Browser> {
  const response = await callback(await startSignIn(user));
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toBe("/jobs");
  const session = cookiesFrom(response).get(SESSION_COOKIE);
  expect(session, "a session cookie").toBeDefined();
  const cookie = `${SESSION_COOKIE}=${session}`;
  const read = await readSession({ sessionSecret: SESSION_SECRET, secureCookies: false }, cookie);
  return { cookie, csrf: csrfToken(deriveKey(SESSION_SECRET, "csrf"), read!.sid) };
}

function post(path: string, browser: Browser | null, body?: unknown, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { origin: APP_URL, "content-type": "application/json", ...extra };
  if (browser) {
    headers.cookie = browser.cookie;
    headers[CSRF_HEADER] = browser.csrf;
  }
  return new Request(`${APP_URL}${path}`, {
    method: "POST",
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const startJob = (browser: Browser | null, extra?: Record<string, string>) =>
  startJobRoute(post("/api/jobs/inventory/runs", browser, undefined, extra), {
    params: Promise.resolve({ job: "inventory" }),
  });

const dismiss = (browser: Browser | null, id: string) =>
  dismissRoute(post(`/api/recommendations/${id}/dismiss`, browser, { reason: "Batch host, busy at month end" }), {
    params: Promise.resolve({ id }),
  });

async function recommendationFor(squadId: string, resourceId: string): Promise<string> {
  const row = await database.prisma.recommendation.create({
    data: {
      type: "ZOMBIE_INSTANCE",
      resourceId,
      accountId: "111111111111",
      region: "us-east-1",
      squadId,
      currentMonthlyCost: "10",
      projectedMonthlyCost: "0",
      monthlySaving: "10",
      evidence: {},
      evidenceHash: "h",
    },
    select: { id: true },
  });
  return row.id;
}

beforeAll(async () => {
  provider = await startTestProvider({ appUrl: APP_URL });
  Object.assign(process.env, {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    SESSION_SECRET,
    APP_URL,
    OIDC_ROLE_GROUPS:
      "everyone=viewer;checkout-leads=squad-lead:checkout;platform-engineers=engineer;costlens-admins=admin",
  });
  database = await createTestDatabase();
  setDatabase(database);
  const checkout = await database.prisma.squad.create({ data: { slug: "checkout", name: "Checkout" } });
  const search = await database.prisma.squad.create({ data: { slug: "search", name: "Search" } });
  checkoutRecommendation = await recommendationFor(checkout.id, "i-checkout");
  searchRecommendation = await recommendationFor(search.id, "i-search");
});

afterAll(async () => {
  process.env = savedEnv;
  await database?.drop();
  await provider?.close();
});

describe("signing in", () => {
  it("runs the code flow with PKCE, state and nonce, and starts an encrypted session", async () => {
    const start = await startSignIn(users.admin);
    const authorization = new URL(start.callbackUrl);
    expect(authorization.searchParams.get("code")).toBeTruthy();
    const response = await callback(start);
    expect(response.status).toBe(303);
    const setCookies = response.headers.getSetCookie();
    const session = setCookies.find((header) => header.startsWith(`${SESSION_COOKIE}=`))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toContain("ada@example.com");
    // The flow cookie is spent: cleared in the same response.
    expect(setCookies.some((header) => header.startsWith(`${SIGN_IN_FLOW_COOKIE}=;`))).toBe(true);
    const audit = await database.prisma.auditEvent.findFirst({
      where: { action: "session.sign-in", actor: "ada@example.com" },
    });
    expect(audit?.after).toMatchObject({ roles: ["Admin"] });
  });

  it("asks the issuer for PKCE (S256), state and nonce", async () => {
    provider.signInAs(users.viewer);
    const response = await signInRoute(
      new Request(`${APP_URL}/api/auth/sign-in`, { method: "POST", headers: { origin: APP_URL } }),
    );
    const url = new URL(response.headers.get("location")!);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get("state")).toBeTruthy();
    expect(url.searchParams.get("nonce")).toBeTruthy();
    expect(url.searchParams.get("scope")).toBe("openid email profile groups");
    expect(url.searchParams.get("redirect_uri")).toBe(`${APP_URL}/api/auth/callback`);
  });

  it.each([
    { claim: "aud" as const, value: "some-other-client", reason: /"aud" \(audience\)/ },
    { claim: "nonce" as const, value: "a-nonce-this-browser-never-sent", reason: /"nonce"/ },
  ])("refuses a well-signed ID token with the wrong $claim", async ({ claim, value, reason }) => {
    const start = await startSignIn(users.admin);
    provider.forgeIdTokens({ claim, value });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await callback(start);
      expect(response.headers.get("location")).toBe("/sign-in?error=failed");
      expect(cookiesFrom(response).has(SESSION_COOKIE)).toBe(false);
      const error = logged.mock.calls.find((call) => String(call[0]).includes("sign-in refused"))?.[1] as Error;
      expect(String((error.cause as Error).message)).toMatch(reason);
    } finally {
      logged.mockRestore();
      provider.forgeIdTokens(null);
    }
  });

  it("refuses a callback whose state is not this browser's, and one without the flow cookie", async () => {
    const mine = await startSignIn(users.admin);
    const theirs = await startSignIn(users.admin);
    const swapped = await callback({ flowCookie: mine.flowCookie, callbackUrl: theirs.callbackUrl });
    expect(swapped.headers.get("location")).toBe("/sign-in?error=failed");
    expect(cookiesFrom(swapped).has(SESSION_COOKIE)).toBe(false);
    const noFlow = await callbackRoute(new Request(theirs.callbackUrl));
    expect(noFlow.headers.get("location")).toBe("/sign-in?error=expired");
  });

  it("refuses a sign-in started from another site", async () => {
    const response = await signInRoute(
      new Request(`${APP_URL}/api/auth/sign-in`, { method: "POST", headers: { origin: "https://evil.example" } }),
    );
    expect(response.status).toBe(403);
  });
});

describe("roles on the guarded routes", () => {
  let viewer: Browser;
  let unmapped: Browser;
  let lead: Browser;
  let engineer: Browser;
  let admin: Browser;

  beforeAll(async () => {
    // One at a time: the provider's login step signs in whoever was named last.
    viewer = await signIn(users.viewer);
    unmapped = await signIn(users.unmapped);
    lead = await signIn(users.checkoutLead);
    engineer = await signIn(users.engineer);
    admin = await signIn(users.admin);
  });

  it("answers 401 without a session, and for a tampered session cookie", async () => {
    expect((await startJob(null)).status).toBe(401);
    const value = admin.cookie.slice(SESSION_COOKIE.length + 1);
    const tampered = `${SESSION_COOKIE}=${value.slice(0, 40)}${value[40] === "A" ? "B" : "A"}${value.slice(41)}`;
    const response = await startJob({ cookie: tampered, csrf: admin.csrf });
    expect(response.status).toBe(401);
  });

  it("gives viewers and people in no mapped group 403 on starting a job and on dismissing", async () => {
    for (const browser of [viewer, unmapped]) {
      const job = await startJob(browser);
      expect(job.status).toBe(403);
      expect(((await job.json()) as { error: string }).error).toBe("Your role cannot start jobs: admins can.");
      expect((await dismiss(browser, checkoutRecommendation)).status).toBe(403);
    }
    expect(await database.prisma.jobRun.count()).toBe(0);
  });

  it("lets a squad lead dismiss their squad's recommendation, not another squad's, and not start jobs", async () => {
    expect((await dismiss(lead, searchRecommendation)).status).toBe(403);
    expect((await startJob(lead)).status).toBe(403);
    const response = await dismiss(lead, checkoutRecommendation);
    expect(response.status).toBe(200);
    const row = await database.prisma.recommendation.findUniqueOrThrow({ where: { id: checkoutRecommendation } });
    expect(row).toMatchObject({ status: "DISMISSED", dismissedBy: "lea@example.com" });
    const audit = await database.prisma.auditEvent.findFirst({
      where: { action: "recommendation.dismiss", entityId: checkoutRecommendation },
    });
    expect(audit?.actor).toBe("lea@example.com");
  });

  it("scopes several recommendations to a squad only when they all are that squad's", async () => {
    expect(await recommendationScope(checkoutRecommendation)()).toEqual({ squad: "checkout" });
    expect(await recommendationScope(checkoutRecommendation, searchRecommendation)()).toEqual({ squad: null });
    expect(await recommendationScope(checkoutRecommendation, "cl_missing")()).toEqual({ squad: null });
  });

  it("does not let an engineer dismiss or start jobs (engineers open pull requests)", async () => {
    expect((await dismiss(engineer, searchRecommendation)).status).toBe(403);
    expect((await startJob(engineer)).status).toBe(403);
  });

  it("lets an admin start a job, recorded with who did it", async () => {
    const response = await startJob(admin);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const run = await database.prisma.jobRun.findUniqueOrThrow({ where: { id } });
    expect(run.requestedBy).toBe("ada@example.com");
    const audit = await database.prisma.auditEvent.findFirst({ where: { action: "job.run-requested", entityId: id } });
    expect(audit).toMatchObject({ actor: "ada@example.com", entityType: "job-run" });
    expect((await dismiss(admin, searchRecommendation)).status).toBe(200);
  });

  it("refuses a state change without the CSRF token, with another session's token, or from another origin", async () => {
    expect((await startJob({ cookie: admin.cookie, csrf: "" })).status).toBe(403);
    expect((await startJob({ cookie: admin.cookie, csrf: viewer.csrf })).status).toBe(403);
    expect((await startJob(admin, { origin: "https://evil.example" })).status).toBe(403);
    const noOrigin = new Request(`${APP_URL}/api/jobs/inventory/runs`, {
      method: "POST",
      headers: { cookie: admin.cookie, [CSRF_HEADER]: admin.csrf },
    });
    expect((await startJobRoute(noOrigin, { params: Promise.resolve({ job: "inventory" }) })).status).toBe(403);
  });

  it("rate-limits job starts per person with 429 and Retry-After", async () => {
    // At most 10 a minute: within 25 tries a 429 comes, even if a minute boundary passes meanwhile.
    let response = await startJob(admin);
    for (let tries = 1; tries < 25 && response.status !== 429; tries++) {
      expect([200, 201]).toContain(response.status);
      response = await startJob(admin);
    }
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await startJob(viewer)).status).toBe(403);
  });
});

describe("signing out", () => {
  it("clears the session cookie and sends the browser to the issuer's end-session endpoint", async () => {
    const browser = await signIn(users.viewer);
    const response = await signOutRoute(post("/api/auth/sign-out", browser));
    expect(response.status).toBe(200);
    const cleared = response.headers.getSetCookie().find((header) => header.startsWith(`${SESSION_COOKIE}=`));
    expect(cleared).toMatch(/^costlens_session=; .*Max-Age=0/);
    const { redirectTo } = (await response.json()) as { redirectTo: string };
    const end = new URL(redirectTo);
    expect(end.origin).toBe(provider.issuer);
    expect(end.searchParams.get("post_logout_redirect_uri")).toBe(`${APP_URL}/sign-in?signedOut=1`);
    expect(end.searchParams.get("client_id")).toBe(provider.clientId);
  });

  it("refuses a cross-site sign-out", async () => {
    const browser = await signIn(users.viewer);
    const response = await signOutRoute(
      post("/api/auth/sign-out", browser, undefined, { origin: "https://evil.example" }),
    );
    expect(response.status).toBe(403);
  });
});

describe("the proxy", () => {
  const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
    new NextRequest(`${APP_URL}${path}`, init);

  it("sends a signed-out browser to sign-in, and answers API calls with 401", async () => {
    const page = await proxy(request("/waste?type=zombie"));
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe(`${APP_URL}/sign-in?returnTo=%2Fwaste%3Ftype%3Dzombie`);
    const api = await proxy(request("/api/spend/squads"));
    expect(api.status).toBe(401);
    expect((await proxy(request("/api/health"))).headers.get("x-middleware-next")).toBe("1");
    expect((await proxy(request("/sign-in"))).status).toBe(200);
  });

  it("gives a signed-in page a CSP with a fresh nonce, passed to Next on the request", async () => {
    const browser = await signIn(users.viewer);
    const first = await proxy(request("/", { headers: { cookie: browser.cookie } }));
    const second = await proxy(request("/", { headers: { cookie: browser.cookie } }));
    const policy = first.headers.get("content-security-policy")!;
    const nonce = first.headers.get("x-middleware-request-x-nonce")!;
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain(`form-action 'self' ${provider.issuer}`);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(second.headers.get("x-middleware-request-x-nonce")).not.toBe(nonce);
  });

  it("refuses a cross-site POST before any route sees it", async () => {
    const browser = await signIn(users.admin);
    const response = await proxy(
      request("/settings", { method: "POST", headers: { cookie: browser.cookie, origin: "https://evil.example" } }),
    );
    expect(response.status).toBe(403);
  });
});
