// Web hardening, checked against the production server: security headers on pages and API answers (a
// CSP whose script nonce changes per request and matches the page's scripts, frame-ancestors, a referrer
// policy, nosniff), and cross-site POSTs to the state-changing endpoints rejected while same-origin ones
// get through to the handler.
import { expect, test, type APIResponse } from "@playwright/test";

const server = `http://127.0.0.1:${process.env.E2E_SEEDED_PORT ?? 3201}`;
const pages = ["/", "/squads", "/waste", "/jobs", "/settings"];
const apis = ["/api/health", "/api/spend/squads", "/api/recommendations", "/api/jobs/runs"];
const EVIL = "https://evil.example";

/** The directives of a Content-Security-Policy header, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

function expectHardeningHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], `${what}: X-Content-Type-Options`).toBe("nosniff");
  expect(headers["referrer-policy"], `${what}: Referrer-Policy`).toMatch(
    /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
  );
  const policy = headers["content-security-policy"];
  expect(policy, `${what}: Content-Security-Policy`).toBeTruthy();
  const csp = directives(policy!);
  expect(csp.get("frame-ancestors"), `${what}: frame-ancestors`).toEqual(
    expect.arrayContaining([expect.stringMatching(/^'(none|self)'$/)]),
  );
  expect(csp.get("frame-ancestors")!.every((source) => ["'none'", "'self'"].includes(source))).toBe(true);
  expect(csp.get("object-src") ?? csp.get("default-src"), `${what}: object-src`).toBeTruthy();
  return csp;
}

function nonceOf(csp: Map<string, string[]>): string | undefined {
  const sources = csp.get("script-src") ?? csp.get("default-src") ?? [];
  return sources.find((source) => source.startsWith("'nonce-"))?.slice("'nonce-".length, -1);
}

test.describe("security headers", () => {
  for (const page of pages) {
    test(`page ${page} has a nonce-based CSP and the hardening headers`, async ({ request }) => {
      const first = await request.get(`${server}${page}`);
      expect(first.status()).toBe(200);
      const csp = expectHardeningHeaders(first, page);
      const nonce = nonceOf(csp);
      expect(nonce, `${page}: script-src has no nonce`).toMatch(/^[A-Za-z0-9+/=_-]{16,}$/);
      expect(csp.get("script-src") ?? [], `${page}: script-src allows inline scripts`).not.toContain("'unsafe-inline'");
      // Every script the page ships carries this response's nonce.
      const html = await first.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
      // A nonce is good for one response only.
      const second = await request.get(`${server}${page}`);
      expect(nonceOf(directives(second.headers()["content-security-policy"] ?? ""))).not.toBe(nonce);
    });
  }

  for (const api of apis) {
    test(`API ${api} has the hardening headers`, async ({ request }) => {
      const response = await request.get(`${server}${api}`);
      expect(response.status()).toBeLessThan(500);
      expectHardeningHeaders(response, api);
    });
  }
});

test.describe("cross-site requests", () => {
  const stateChanging = [
    { path: "/api/jobs/cost-explorer/runs", data: undefined },
    { path: "/api/recommendations/cl_unknown/dismiss", data: { reason: "forged from another site" } },
  ];

  const forgeries: { name: string; headers: Record<string, string> }[] = [
    { name: `Origin ${EVIL}`, headers: { origin: EVIL } },
    { name: "Origin null (a sandboxed frame)", headers: { origin: "null" } },
    { name: "Sec-Fetch-Site cross-site", headers: { origin: EVIL, "sec-fetch-site": "cross-site" } },
  ];

  for (const { path, data } of stateChanging) {
    for (const forgery of forgeries) {
      test(`POST ${path} with ${forgery.name} is rejected`, async ({ request }) => {
        const before = await (await request.get(`${server}/api/jobs/runs`)).json();
        const response = await request.post(`${server}${path}`, { headers: forgery.headers, data });
        expect(response.status()).toBe(403);
        expect(await response.text()).not.toContain(EVIL);
        // Nothing was queued or changed by the forged request.
        expect(await (await request.get(`${server}/api/jobs/runs`)).json()).toEqual(before);
      });
    }
  }

  test("a same-origin POST gets through the origin check to the handler", async ({ request }) => {
    const response = await request.post(`${server}/api/recommendations/cl_unknown/dismiss`, {
      headers: { origin: server, "sec-fetch-site": "same-origin" },
      data: { reason: "checking the origin check" },
    });
    expect(response.status()).toBe(404);
  });

  test("a server action posted from another site is refused", async ({ request }) => {
    const response = await request.post(`${server}/settings`, {
      headers: {
        origin: EVIL,
        "sec-fetch-site": "cross-site",
        "next-action": "0".repeat(40),
        "content-type": "text/plain",
      },
      data: "[]",
    });
    expect(response.status()).toBeGreaterThanOrEqual(400);
  });

  test("no state change on GET: the state-changing endpoints refuse GET", async ({ request }) => {
    for (const { path } of stateChanging) {
      expect((await request.get(`${server}${path}`)).status(), path).toBe(405);
    }
  });
});
