// A small client for OpenCost's HTTP API. OpenCost has no SDK: this is our boundary with it, so it
// retries what a busy OpenCost answers (429, 5xx, a dropped connection) with backoff, and names the
// endpoint in every error it gives up with.
import { parsePayload } from "../../aws/parse-payload";
import { allocationResponse } from "./opencost-payloads";

export class OpenCostError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "OpenCostError";
  }
}

export interface OpenCostClientOptions {
  baseUrl: string;
  attempts?: number;
  timeoutMs?: number;
  onRequest?: () => void;
  /** waits between attempts; tests pass a no-op */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createOpenCostClient(options: OpenCostClientOptions) {
  const attempts = options.attempts ?? 4;
  const sleep = options.sleep ?? defaultSleep;

  async function get(path: string, params: Record<string, string>, signal?: AbortSignal): Promise<unknown> {
    const url = new URL(`${options.baseUrl.replace(/\/+$/, "")}${path}`);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    let lastProblem = "";
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      signal?.throwIfAborted();
      options.onRequest?.();
      try {
        const timeout = AbortSignal.timeout(options.timeoutMs ?? 60_000);
        const response = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
        const text = await response.text();
        if (response.ok) {
          try {
            return JSON.parse(text) as unknown;
          } catch {
            throw new OpenCostError(`OpenCost ${path} returned a body that is not JSON (${text.slice(0, 80)})`);
          }
        }
        lastProblem = `HTTP ${response.status}: ${text.slice(0, 200)}`;
        if (response.status !== 429 && response.status < 500) break;
      } catch (error) {
        if (error instanceof OpenCostError || signal?.aborted) throw error;
        lastProblem = error instanceof Error ? error.message : String(error);
      }
      if (attempt < attempts) await sleep(250 * 2 ** (attempt - 1));
    }
    throw new OpenCostError(`OpenCost ${path} failed: ${lastProblem}`);
  }

  return {
    /** One allocation set per step of the window, aggregated by cluster and namespace, idle per cluster. */
    async namespaceAllocations(window: { start: string; end: string }, signal?: AbortSignal) {
      const payload = await get(
        "/allocation/compute",
        {
          window: `${window.start},${window.end}`,
          step: "1d",
          aggregate: "cluster,namespace",
          includeIdle: "true",
          splitIdle: "true",
        },
        signal,
      );
      return parsePayload(allocationResponse, payload, "OpenCost", "/allocation/compute");
    },
  };
}

export type OpenCostClient = ReturnType<typeof createOpenCostClient>;
