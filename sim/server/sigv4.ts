// SigV4 as the sandbox sees it: the credential scope says which service a request is for, and, for the
// sandbox's own access key, the signature is checked against the sandbox's secret, as AWS would.
import { createHash, createHmac } from "node:crypto";
import type { SimRequest } from "./types";

export const SANDBOX_ACCESS_KEY_ID = "AKIASANDBOXCOSTLENS0";
export const SANDBOX_SECRET_ACCESS_KEY = "sandbox/costlens/secret/not-a-real-key0000";

export interface CredentialScope {
  accessKeyId: string;
  date: string; // yyyymmdd
  region: string;
  signingName: string;
}

export interface ParsedAuthorization {
  scope: CredentialScope;
  signedHeaders: string[];
  signature: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;

function header(req: SimRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** The parsed `Authorization` header (or presigned query), or undefined when the request is unsigned. */
export function parseAuthorization(req: SimRequest): ParsedAuthorization | undefined {
  const match = AUTHORIZATION.exec(header(req, "authorization")?.trim() ?? "");
  if (match) {
    const [, accessKeyId = "", date = "", region = "", signingName = "", signedHeaders = "", signature = ""] = match;
    return { scope: { accessKeyId, date, region, signingName }, signedHeaders: signedHeaders.split(";"), signature };
  }
  const credential = req.query.get("X-Amz-Credential")?.split("/");
  const signature = req.query.get("X-Amz-Signature");
  if (credential?.length === 5 && signature) {
    const [accessKeyId = "", date = "", region = "", signingName = ""] = credential;
    const signedHeaders = (req.query.get("X-Amz-SignedHeaders") ?? "host").split(";");
    return { scope: { accessKeyId, date, region, signingName }, signedHeaders, signature };
  }
  return undefined;
}

/** RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalQuery(query: URLSearchParams): string {
  return [...query.entries()]
    .filter(([key]) => key !== "X-Amz-Signature")
    .map(([key, value]) => [uriEncode(key), uriEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
}

function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

/**
 * Whether the signature matches the sandbox secret. The raw path is the one on the wire; services other
 * than S3 sign the path URI-encoded once more (the SDK's `uriEscapePath`).
 */
export function signatureMatches(req: SimRequest, rawPath: string, auth: ParsedAuthorization, secret: string): boolean {
  const amzDate = header(req, "x-amz-date") ?? req.query.get("X-Amz-Date") ?? "";
  const path = auth.scope.signingName === "s3" ? rawPath : rawPath.split("/").map(uriEncode).join("/");
  const headers = auth.signedHeaders
    .map((name) => `${name}:${(header(req, name) ?? "").trim().replace(/\s+/g, " ")}\n`)
    .join("");
  const payloadHash =
    header(req, "x-amz-content-sha256") ??
    (req.query.has("X-Amz-Signature") ? "UNSIGNED-PAYLOAD" : sha256Hex(req.body));
  const canonicalRequest = [
    req.method,
    path || "/",
    canonicalQuery(req.query),
    headers,
    auth.signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
  const { date, region, signingName } = auth.scope;
  const scope = `${date}/${region}/${signingName}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), signingName), "aws4_request");
  return createHmac("sha256", signingKey).update(stringToSign, "utf8").digest("hex") === auth.signature;
}
