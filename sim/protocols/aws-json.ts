// The AWS JSON protocols (1.0 and 1.1): the operation travels in `X-Amz-Target: <Prefix>.<Operation>`, the
// input is a JSON object, the output a JSON object, and an error is `{ "__type", "message" }` with the same
// code in the `x-amzn-errortype` header. The SDK reads the code from either place, so we send both.
import { randomUUID } from "node:crypto";
import type { SimRequest, SimResponse } from "../server/types";
import { SimError } from "../server/types";
import { throttlingAs } from "./throttling";

export type JsonContentType = "application/x-amz-json-1.0" | "application/x-amz-json-1.1";

/** The operation named by `X-Amz-Target`, or undefined when the header is absent or for another service. */
export function jsonOperation(req: SimRequest, targetPrefix: string): string | undefined {
  const target = req.headers["x-amz-target"];
  const value = Array.isArray(target) ? target[0] : target;
  if (!value?.startsWith(`${targetPrefix}.`)) return undefined;
  return value.slice(targetPrefix.length + 1) || undefined;
}

/** The request's JSON object; an empty body is `{}` (the SDK sends `{}` for operations without input). */
export function parseJsonBody(req: SimRequest): Record<string, unknown> {
  const text = req.body.toString("utf8").trim();
  if (text === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SimError("SerializationException", "Request body is not valid JSON");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new SimError("SerializationException", "Request body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

export function jsonResponse(body: unknown, contentType: JsonContentType): SimResponse {
  return {
    status: 200,
    headers: { "content-type": contentType, "x-amzn-requestid": randomUUID() },
    body: JSON.stringify(body),
  };
}

export interface JsonErrorOptions {
  /**
   * Services migrated from the query protocol (CloudWatch) also send `x-amzn-query-error: Code;Sender`,
   * which the SDK prefers over `__type` so that error codes keep their query-era names.
   */
  queryCompatible?: boolean;
  /** This service's name for a throttling error: an injected throttling fault is renamed to it. */
  throttlingCode?: string;
}

export function renderJsonError(
  error: SimError,
  contentType: JsonContentType,
  options: JsonErrorOptions = {},
): SimResponse {
  const code = options.throttlingCode ? throttlingAs(error.code, options.throttlingCode) : error.code;
  const headers: Record<string, string> = {
    "content-type": contentType,
    "x-amzn-requestid": randomUUID(),
    "x-amzn-errortype": code,
  };
  if (options.queryCompatible) {
    headers["x-amzn-query-error"] = `${code};${error.status >= 500 ? "Receiver" : "Sender"}`;
  }
  return { status: error.status, headers, body: JSON.stringify({ __type: code, message: error.message }) };
}
