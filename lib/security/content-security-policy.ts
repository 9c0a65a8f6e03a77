// The Content-Security-Policy of every page: scripts only with this response's nonce ('strict-dynamic'
// lets Next's own chunks load from there), no framing, no plugins, forms only to us and the sign-in issuer.
// Styles allow inline attributes: charts set colours and sizes in style attributes, which nonces cannot
// cover, and a style injection cannot run code.
import { randomBytes } from "node:crypto";

export type CspOptions = {
  nonce: string;
  /** next dev evaluates code for its error overlay. */
  development: boolean;
  /** The sign-in issuer's origin: sign-in and sign-out forms redirect there. */
  issuerOrigin?: string | null;
  /** Served over https: ask the browser to upgrade any stray http subresource. */
  https: boolean;
};

export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

export function buildContentSecurityPolicy(options: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    [
      "script-src",
      "'self'",
      `'nonce-${options.nonce}'`,
      "'strict-dynamic'",
      ...(options.development ? ["'unsafe-eval'"] : []),
    ],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "blob:", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...(options.issuerOrigin ? [options.issuerOrigin] : [])],
    ["frame-ancestors", "'none'"],
  ];
  if (options.https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** API answers are data, never documents: nothing may load or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
