// What the browser carries between "Sign in" and the issuer's redirect back: PKCE verifier, state, nonce
// and where to go afterwards, sealed in a cookie that lives ten minutes and only under /api/auth.
import { z } from "zod";
import { SIGN_IN_FLOW_COOKIE } from "./cookies";
import { type CookieKeys, sealedCookieKind } from "./sealed-cookie-kind";

const FLOW_LIFETIME_SECONDS = 10 * 60;

const flowSchema = z.object({
  state: z.string().min(16),
  nonce: z.string().min(16),
  codeVerifier: z.string().min(43),
  returnTo: z.string(),
});

export type SignInFlow = z.infer<typeof flowSchema>;

const cookie = sealedCookieKind({
  name: SIGN_IN_FLOW_COOKIE,
  purpose: "sign-in-flow",
  lifetimeSeconds: FLOW_LIFETIME_SECONDS,
  path: "/api/auth",
  schema: flowSchema,
});

export function signInFlowCookie(config: CookieKeys, flow: SignInFlow): Promise<string> {
  return cookie.seal(config, flow);
}

export function clearSignInFlowCookie(config: { secureCookies: boolean }): string {
  return cookie.clear(config);
}

export function readSignInFlow(config: CookieKeys, cookieHeader: string | null): Promise<SignInFlow | null> {
  return cookie.open(config, cookieHeader);
}

/** A path on this app to return to after sign-in; anything else (another origin, "//host") becomes "/". */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/api/auth") || value.startsWith("/sign-in")) return "/";
  return value.slice(0, 2000);
}
