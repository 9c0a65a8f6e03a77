// The sandbox's HTTP front: reads a request whole, hands it to dispatch, writes the answer.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { dispatch, type Sandbox } from "./dispatch";
import type { SimRequest } from "./types";

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Idle keep-alive connections stay open longer than any client keeps them (undici and the AWS SDK close
 * theirs after a few seconds), as AWS's endpoints do: a client then never reuses a socket the server is
 * closing at that moment, which a test process whose event loop is busy for seconds (the sandbox runs
 * in-process beside an embedded database) would otherwise hit as ECONNRESET.
 */
const KEEP_ALIVE_MS = 65_000;

export function createSandboxServer(sandbox: Sandbox, options: { verbose: boolean }): Server {
  const server = createServer((incoming, outgoing) => {
    const started = Date.now();
    void (async () => {
      const url = new URL(incoming.url ?? "/", "http://sandbox.invalid");
      const req: SimRequest = {
        method: incoming.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body: await readBody(incoming),
      };
      const { response, label } = await dispatch(sandbox, req);
      const body = typeof response.body === "string" ? Buffer.from(response.body, "utf8") : response.body;
      outgoing.writeHead(response.status, { ...response.headers, "content-length": String(body.length) });
      outgoing.end(req.method === "HEAD" ? undefined : body);
      if (options.verbose)
        console.error(`${req.method} ${req.path} ${label} ${response.status} ${Date.now() - started}ms`);
    })().catch((error: unknown) => {
      console.error("sandbox: request failed", error);
      if (!outgoing.headersSent) outgoing.writeHead(500, { "content-type": "text/plain" });
      outgoing.end("sandbox internal error");
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return server;
}
