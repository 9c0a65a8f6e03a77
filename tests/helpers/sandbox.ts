// Starts the sandbox cloud in the test process and points the AWS SDK (through the environment, exactly as
// in production) at it. The helpers below drive the sandbox's own /_sim endpoints.
import { startSandbox, type RunningSandbox, type SandboxOptions } from "../../sim/server/start-sandbox";

export interface SandboxStats {
  total: number;
  faulted: number;
  apis: Record<string, { total: number; operations: Record<string, number> }>;
}

export interface TestSandbox extends RunningSandbox {
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  injectFault(fault: {
    api: string;
    operation: string;
    kind: "throttle" | "server-error" | "slow" | "malformed";
    count: number;
    delayMs?: number;
  }): Promise<void>;
  clearFaults(): Promise<void>;
  advanceDays(days: number): Promise<void>;
  stats(): Promise<SandboxStats>;
  resetStats(): Promise<void>;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, ...options });
  Object.assign(process.env, sandbox.env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" });
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload: unknown = await response.json();
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${JSON.stringify(payload)}`);
    return payload;
  };
  return {
    ...sandbox,
    control,
    injectFault: async (fault) => void (await control("POST", "/_sim/faults", fault)),
    clearFaults: async () => void (await control("DELETE", "/_sim/faults")),
    advanceDays: async (days) => void (await control("POST", "/_sim/clock", { advanceDays: days })),
    stats: async () => (await control("GET", "/_sim/stats")) as SandboxStats,
    resetStats: async () => void (await control("POST", "/_sim/stats/reset")),
  };
}
