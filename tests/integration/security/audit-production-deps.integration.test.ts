// scripts/audit-production-deps.ts against a local stand-in for the registry's advisory endpoint (npm
// audit posts the installed production packages to <registry>/-/npm/v1/security/advisories/bulk): exit 0
// without high or critical advisories, 1 with one, 2 when the registry is unreachable or refuses.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";

type Answer = { status: number; body: unknown };

let server: Server | undefined;
let received: Record<string, string[]> | undefined;

async function fakeRegistry(answer: Answer): Promise<string> {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method === "POST" && request.url?.endsWith("/-/npm/v1/security/advisories/bulk")) {
        // npm gzips the list of installed packages it sends.
        const body = Buffer.concat(chunks);
        const text = request.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body;
        received = JSON.parse(text.toString()) as Record<string, string[]>;
        response.writeHead(answer.status, { "content-type": "application/json" });
        response.end(JSON.stringify(answer.body));
        return;
      }
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`;
}

afterEach(async () => {
  received = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function audit(registry: string): Promise<{ code: number; output: string }> {
  // A fresh npm cache each time: npm would otherwise answer from the previous run's advisories.
  const cache = await mkdtemp(path.join(tmpdir(), "costlens-audit-cache-"));
  return new Promise((resolve) => {
    const child = spawn("npx", ["tsx", "scripts/audit-production-deps.ts"], {
      env: { ...process.env, npm_config_registry: registry, npm_config_cache: cache },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => {
      void rm(cache, { recursive: true, force: true }).then(() => resolve({ code: code ?? 1, output }));
    });
  });
}

const advisory = (severity: string) => ({
  id: 1_000_001,
  url: "https://github.com/advisories/GHSA-test-test-test",
  title: "Prototype pollution in a test advisory",
  severity,
  vulnerable_versions: "<999.0.0",
  cwe: ["CWE-1321"],
  cvss: { score: 7.5, vectorString: null },
});

describe("audit-production-deps", () => {
  it("passes with no advisories and sends only production packages", async () => {
    const result = await audit(await fakeRegistry({ status: 200, body: {} }));
    expect(result.output).toContain("no high or critical advisory in production dependencies");
    expect(result.code).toBe(0);
    expect(Object.keys(received ?? {})).toContain("next");
    expect(Object.keys(received ?? {})).not.toContain("vitest");
  });

  it("fails on a high advisory in a production dependency and names it", async () => {
    const result = await audit(await fakeRegistry({ status: 200, body: { zod: [advisory("high")] } }));
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/high\s+zod/);
    expect(result.output).toContain("GHSA-test-test-test");
    expect(result.output).toContain("FAILED: 1 production dependency has a high or critical advisory: zod");
  });

  it("passes on a moderate advisory, listing it", async () => {
    const result = await audit(await fakeRegistry({ status: 200, body: { zod: [advisory("moderate")] } }));
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/moderate\s+zod/);
  });

  it("exits 2 with a clear message when the registry refuses the audit", async () => {
    const result = await audit(await fakeRegistry({ status: 405, body: {} }));
    expect(result.code).toBe(2);
    expect(result.output).toContain("could not check the production dependencies");
  });

  it("exits 2 with a clear message when the registry is unreachable", async () => {
    const url = await fakeRegistry({ status: 200, body: {} });
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const result = await audit(url);
    expect(result.code).toBe(2);
    expect(result.output).toMatch(/could not check the production dependencies: .*(ECONNREFUSED|request to)/);
  });
});
