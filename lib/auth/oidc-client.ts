// OpenID Connect through openid-client: discovery, the authorization code flow with PKCE, state and nonce,
// and the issuer's sign-out. The library validates the ID token (signature, issuer, audience = our client
// id, nonce, expiry); this file only wires our configuration into it.
import * as oidc from "openid-client";
import type { AuthConfig } from "./auth-config";
import { mappedGroups } from "./role-groups";
import { newSessionId, type Session } from "./session";
import type { SignInFlow } from "./sign-in-flow";

export type EnabledAuthConfig = Extract<AuthConfig, { enabled: true }>;

export const CALLBACK_PATH = "/api/auth/callback";

const discovered = new Map<string, Promise<oidc.Configuration>>();

/** The issuer's metadata and our client, discovered once per process (again after a failure). */
export function oidcConfiguration(config: EnabledAuthConfig): Promise<oidc.Configuration> {
  const id = `${config.issuer.href} ${config.clientId}`;
  let pending = discovered.get(id);
  if (!pending) {
    pending = oidc.discovery(
      config.issuer,
      config.clientId,
      config.clientSecret,
      undefined,
      config.allowInsecureIssuer ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    discovered.set(id, pending);
    pending.catch(() => discovered.delete(id));
  }
  return pending;
}

export function redirectUri(config: EnabledAuthConfig): string {
  return new URL(CALLBACK_PATH, config.appUrl).href;
}

/** Starts a sign-in: the issuer URL to send the browser to, and the flow to keep in a cookie. */
export async function startSignIn(
  config: EnabledAuthConfig,
  returnTo: string,
): Promise<{ authorizationUrl: URL; flow: SignInFlow }> {
  const client = await oidcConfiguration(config);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const flow: SignInFlow = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier, returnTo };
  // Ask for the groups scope only where the issuer offers it: some (Google) refuse scopes they do not know.
  const offersGroups = client.serverMetadata().scopes_supported?.includes("groups") ?? false;
  const authorizationUrl = oidc.buildAuthorizationUrl(client, {
    redirect_uri: redirectUri(config),
    scope: offersGroups ? "openid email profile groups" : "openid email profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
  });
  return { authorizationUrl, flow };
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return undefined;
}

/**
 * Finishes a sign-in from the issuer's redirect (`search` is its query string): exchanges the code with
 * the PKCE verifier, checks state and nonce, and builds the session. Groups come from the ID token, else
 * from the userinfo endpoint.
 */
export async function completeSignIn(config: EnabledAuthConfig, search: string, flow: SignInFlow): Promise<Session> {
  const client = await oidcConfiguration(config);
  const callbackUrl = new URL(redirectUri(config));
  callbackUrl.search = search;
  const tokens = await oidc.authorizationCodeGrant(client, callbackUrl, {
    pkceCodeVerifier: flow.codeVerifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error("the issuer returned no ID token");
  let groups = stringList(claims.groups);
  let profile: Record<string, unknown> = claims;
  if (!groups && client.serverMetadata().userinfo_endpoint) {
    profile = { ...(await oidc.fetchUserInfo(client, tokens.access_token, claims.sub)), ...claims };
    groups = stringList(profile.groups);
  }
  return {
    sid: newSessionId(),
    sub: claims.sub,
    email: typeof profile.email === "string" ? profile.email : undefined,
    name: typeof profile.name === "string" ? profile.name : undefined,
    groups: mappedGroups(groups ?? [], config.roleGroups),
  };
}

/** Where to send the browser after our cookie is gone: the issuer's end-session endpoint, when it has one. */
export async function endSessionUrl(config: EnabledAuthConfig): Promise<URL | null> {
  const client = await oidcConfiguration(config);
  if (!client.serverMetadata().end_session_endpoint) return null;
  return oidc.buildEndSessionUrl(client, {
    client_id: config.clientId,
    post_logout_redirect_uri: new URL("/sign-in?signedOut=1", config.appUrl).href,
  });
}
