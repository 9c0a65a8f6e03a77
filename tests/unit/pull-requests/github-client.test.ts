import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { RequestError } from "@octokit/request-error";
import { decodeProtectedHeader, importSPKI, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseConfig } from "@/lib/config/env";
import { signAppJwt } from "@/lib/git/github-app-token";
import { callWithRetry, createGitHubClient, type RetryPolicy } from "@/lib/git/github-client";
import { GitHubCallError, GitHubConfigError } from "@/lib/git/github-errors";

function httpError(status: number, message: string, headers: Record<string, string> = {}) {
  return new RequestError(message, status, {
    request: { method: "POST", url: "https://api.github.com/repos/a/b/pulls", headers: {} },
    response: { status, url: "https://api.github.com/repos/a/b/pulls", headers, data: { message } },
  });
}

function policy(waits: number[]): RetryPolicy {
  return { attempts: 4, baseDelayMs: 100, maxDelayMs: 5_000, sleep: async (ms) => void waits.push(ms) };
}

const schema = z.object({ number: z.number() });

describe("callWithRetry", () => {
  it("retries 5xx answers with growing backoff, then returns the parsed body", async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await callWithRetry(
      "pulls.create",
      schema,
      async () => {
        calls++;
        if (calls < 3) throw httpError(502, "Bad Gateway");
        return { data: { number: 7, extra: true } };
      },
      policy(waits),
    );
    expect(result).toEqual({ number: 7 });
    expect(calls).toBe(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(200);
  });

  it("waits what Retry-After says on a secondary rate limit", async () => {
    const waits: number[] = [];
    let calls = 0;
    await callWithRetry(
      "pulls.create",
      schema,
      async () => {
        if (calls++ === 0) throw httpError(403, "You have exceeded a secondary rate limit", { "retry-after": "2" });
        return { data: { number: 1 } };
      },
      policy(waits),
    );
    expect(waits).toEqual([2000]);
  });

  it("gives up after the last attempt with an error naming the operation and status", async () => {
    const error = await callWithRetry(
      "git.createRef",
      schema,
      async () => {
        throw httpError(500, "boom");
      },
      policy([]),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubCallError);
    expect((error as GitHubCallError).status).toBe(500);
    expect((error as Error).message).toBe("GitHub git.createRef failed (HTTP 500): boom");
  });

  it("does not retry a 422 or a plain 403", async () => {
    for (const [status, message] of [
      [422, "Validation Failed"],
      [403, "Resource not accessible by integration"],
    ] as const) {
      let calls = 0;
      const error = await callWithRetry(
        "pulls.create",
        schema,
        async () => {
          calls++;
          throw httpError(status, message);
        },
        policy([]),
      ).catch((e: unknown) => e);
      expect(calls).toBe(1);
      expect((error as GitHubCallError).status).toBe(status);
    }
  });

  it("rejects a body that does not match the schema", async () => {
    const error = await callWithRetry("pulls.get", schema, async () => ({ data: { number: "7" } }), policy([])).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(/^GitHub pulls.get failed: unexpected response \(number: /);
  });
});

describe("createGitHubClient", () => {
  it("needs a repository and credentials", () => {
    expect(() => createGitHubClient(parseConfig({ GITHUB_TOKEN: "t" }))).toThrow(GitHubConfigError);
    expect(() => createGitHubClient(parseConfig({ TERRAFORM_REPO: "acme/infra" }))).toThrow(/GITHUB_TOKEN/);
    expect(() => createGitHubClient(parseConfig({ TERRAFORM_REPO: "acme/infra", GITHUB_APP_ID: "1" }))).toThrow(
      /GITHUB_APP_INSTALLATION_ID and GITHUB_APP_PRIVATE_KEY together/,
    );
    const client = createGitHubClient(parseConfig({ TERRAFORM_REPO: "acme/infra", GITHUB_TOKEN: "t" }));
    expect(client.repository).toEqual({ owner: "acme", repo: "infra" });
    expect(client.fullName).toBe("acme/infra");
  });
});

describe("signAppJwt", () => {
  it("signs an RS256 JWT issued by the app, valid for under ten minutes, from a PKCS#1 key", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    const now = Date.UTC(2026, 10, 26, 12, 0, 0);
    const jwt = await signAppJwt({ appId: "12345", installationId: "9", privateKey: pem.replaceAll("\n", "\\n") }, now);
    expect(decodeProtectedHeader(jwt).alg).toBe("RS256");
    const key = await importSPKI(publicKey.export({ type: "spki", format: "pem" }).toString(), "RS256");
    const { payload } = await jwtVerify(jwt, key, { currentDate: new Date(now) });
    expect(payload.iss).toBe("12345");
    expect(payload.iat).toBe(now / 1000 - 60);
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(600);
  });

  it("names the variable when the key is not a key", async () => {
    await expect(signAppJwt({ appId: "1", installationId: "2", privateKey: "nope" })).rejects.toThrow(
      /GITHUB_APP_PRIVATE_KEY/,
    );
  });
});

describe("GitHub App authentication", () => {
  it("exchanges the app JWT for an installation token once, and sends that token on every call", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const seen: { method: string; url: string; authorization: string }[] = [];
    const server = createServer((req, res) => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization ?? "" });
      res.setHeader("content-type", "application/json");
      if (req.url === "/app/installations/77/access_tokens") {
        res.statusCode = 201;
        res.end(
          JSON.stringify({ token: "ghs_installation", expires_at: new Date(Date.now() + 3_600_000).toISOString() }),
        );
        return;
      }
      res.end(JSON.stringify({ default_branch: "main", full_name: "acme/infra" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = createGitHubClient(
        parseConfig({
          TERRAFORM_REPO: "acme/infra",
          GITHUB_API_URL: `http://127.0.0.1:${port}`,
          GITHUB_APP_ID: "4242",
          GITHUB_APP_INSTALLATION_ID: "77",
          GITHUB_APP_PRIVATE_KEY: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
        }),
      );
      const repository = z.object({ default_branch: z.string() });
      for (let i = 0; i < 2; i++) {
        await client.call("repos.get", repository, (octokit) =>
          octokit.rest.repos.get({ owner: "acme", repo: "infra" }),
        );
      }
      const exchanges = seen.filter((request) => request.url === "/app/installations/77/access_tokens");
      expect(exchanges).toHaveLength(1);
      expect(exchanges[0]!.method).toBe("POST");
      expect(exchanges[0]!.authorization).toMatch(/^bearer [\w-]+\.[\w-]+\.[\w-]+$/i);
      const calls = seen.filter((request) => request.url === "/repos/acme/infra");
      expect(calls.map((call) => call.authorization)).toEqual(["token ghs_installation", "token ghs_installation"]);
    } finally {
      server.close();
    }
  });
});
