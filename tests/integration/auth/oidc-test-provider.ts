// A real OpenID Connect provider (oidc-provider) on 127.0.0.1 for the sign-in tests: one confidential
// client, users with groups, and a login step that signs in whoever the test names (no forms to fill).
// It can also forge its own ID tokens on the way out (same signing key, one claim changed), so the tests
// prove the app checks `aud` and `nonce` itself rather than trusting a well-signed token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import Provider from "oidc-provider";

export type TestUser = { sub: string; email: string; name: string; groups: string[] };

export type IdTokenForgery = { claim: "aud" | "nonce"; value: string } | null;

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next login step signs in. */
  signInAs(user: TestUser): void;
  /** The next token responses carry an ID token with this claim changed (null: honest again). */
  forgeIdTokens(forgery: IdTokenForgery): void;
  close(): Promise<void>;
};

export async function startTestProvider(options: { appUrl: string }): Promise<TestProvider> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingKey: JWK = { ...(await exportJWK(privateKey)), kid: "test-key", alg: "RS256", use: "sig" };
  const users = new Map<string, TestUser>();
  let current: TestUser | null = null;
  let forgery: IdTokenForgery = null;
  const clientId = "costlens-test";
  const clientSecret = "costlens-test-secret-0123456789";

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [new URL("/api/auth/callback", options.appUrl).href],
        post_logout_redirect_uris: [new URL("/sign-in?signedOut=1", options.appUrl).href],
        token_endpoint_auth_method: "client_secret_post",
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [signingKey] },
    claims: { openid: ["sub"], email: ["email"], profile: ["name"], groups: ["groups"] },
    cookies: { keys: ["test-cookie-key-0123456789"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const user = users.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: async () => ({ ...user }) };
    },
  });

  provider.use(async (ctx, next) => {
    const interaction = /^\/interaction\/[^/]+$/.exec(ctx.path);
    if (interaction && ctx.method === "GET") {
      if (!current) throw new Error("the test named no user to sign in");
      users.set(current.sub, current);
      const details = await provider.interactionDetails(ctx.req, ctx.res);
      const grant = new provider.Grant({ accountId: current.sub, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      ctx.redirect(
        await provider.interactionResult(
          ctx.req,
          ctx.res,
          { login: { accountId: current.sub }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        ),
      );
      return;
    }
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === "/token" && forgery && body?.id_token) {
      const claims = { ...decodeJwt(body.id_token), [forgery.claim]: forgery.value };
      body.id_token = await new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: "test-key" }).sign(privateKey);
    }
  });
  handler = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(user) {
      current = user;
    },
    forgeIdTokens(next) {
      forgery = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
