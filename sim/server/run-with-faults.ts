// Runs one API call the way dispatch does for every module: counted in the stats, subject to any queued
// fault, and with thrown SimErrors rendered in the API's own error shape.
import { serverError, throttleError, type FaultQueue } from "./faults";
import type { RequestStats } from "./stats";
import { SimError, type SimResponse } from "./types";

export interface ApiCall {
  api: string;
  operation: string;
  handle(): SimResponse | Promise<SimResponse>;
  renderError(error: SimError): SimResponse;
}

/** Half the body and a stray byte: no JSON or XML parser accepts it. */
function garble(body: string | Buffer): string {
  const text = typeof body === "string" ? body : body.toString("utf8");
  return `${text.slice(0, Math.floor(text.length / 2))}\u0000<`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function answer(call: ApiCall): Promise<SimResponse> {
  try {
    return await call.handle();
  } catch (error) {
    if (error instanceof SimError) return call.renderError(error);
    console.error(`sandbox: ${call.api}.${call.operation} failed`, error);
    return call.renderError(new SimError("InternalFailure", "The sandbox failed to answer this request.", 500));
  }
}

export async function runWithFaults(call: ApiCall, stats: RequestStats, faults: FaultQueue): Promise<SimResponse> {
  stats.record(call.api, call.operation);
  const fault = faults.take(call.api, call.operation);
  if (!fault) return answer(call);
  stats.recordFault();
  switch (fault.kind) {
    case "throttle":
      return call.renderError(throttleError(call.api));
    case "server-error":
      return call.renderError(serverError());
    case "slow":
      await sleep(fault.delayMs);
      return answer(call);
    case "malformed": {
      const response = await answer(call);
      return { ...response, status: 200, body: garble(response.body) };
    }
  }
}
