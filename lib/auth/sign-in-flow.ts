// What the browser carries between "Sign in" and the issuer's redirect back: PKCE verifier, state, nonce
// and where to go afterwards, sealed in a cookie that lives ten minutes and only under /api/auth.
import { z } from "zod";
import { clearCookieHeader, readCookie, setCookieHeader, SIGN_IN_FLOW_COOKIE } from "./cookies";
import { openCookieValue, sealCookieValue } from "./sealed-cookie";
import { deriveKey } from "./secret-keys";

const FLOW_LIFETIME_SECONDS = 10 * 60;
const FLOW_PATH = "/api/auth";

const flowSchema = z.object({
  state: z.string().min(16),
  nonce: z.string().min(16),
  codeVerifier: z.string().min(43),
  returnTo: z.string(),
});

export type SignInFlow = z.infer<typeof flowSchema>;

type FlowKeys = { sessionSecret: string; secureCookies: boolean };

export async function signInFlowCookie(config: FlowKeys, flow: SignInFlow): Promise<string> {
  const value = await sealCookieValue(
    deriveKey(config.sessionSecret, "sign-in-flow"),
    "sign-in-flow",
    flow,
    FLOW_LIFETIME_SECONDS,
  );
  return setCookieHeader(SIGN_IN_FLOW_COOKIE, value, {
    maxAgeSeconds: FLOW_LIFETIME_SECONDS,
    secure: config.secureCookies,
    path: FLOW_PATH,
  });
}

export function clearSignInFlowCookie(config: { secureCookies: boolean }): string {
  return clearCookieHeader(SIGN_IN_FLOW_COOKIE, { secure: config.secureCookies, path: FLOW_PATH });
}

export async function readSignInFlow(config: FlowKeys, cookieHeader: string | null): Promise<SignInFlow | null> {
  return openCookieValue(
    deriveKey(config.sessionSecret, "sign-in-flow"),
    "sign-in-flow",
    readCookie(cookieHeader, SIGN_IN_FLOW_COOKIE),
    flowSchema,
  );
}

/** A path on this app to return to after sign-in; anything else (another origin, "//host") becomes "/". */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/api/auth") || value.startsWith("/sign-in")) return "/";
  return value.slice(0, 2000);
}
