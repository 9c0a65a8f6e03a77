// GitHub App authentication: a short-lived JWT signed with the app's private key (RS256) is exchanged for
// an installation token, which is cached until five minutes before it expires so a burst of pull requests
// costs one exchange, not one each.
import { createPrivateKey } from "node:crypto";
import { Octokit } from "@octokit/rest";
import { SignJWT } from "jose";
import { z } from "zod";
import { GitHubCallError, GitHubConfigError, githubMessage, isHttpError } from "./github-errors";

export interface GitHubAppCredentials {
  appId: string;
  installationId: string;
  /** PEM, PKCS#1 (as GitHub hands it out) or PKCS#8; "\n" escapes from a one-line env value are accepted */
  privateKey: string;
}

const installationTokenSchema = z.object({ token: z.string().min(1), expires_at: z.string().datetime() });

const REFRESH_MARGIN_MS = 5 * 60_000;

const cache = new Map<string, { token: string; expiresAt: number }>();

/** The app JWT GitHub accepts for ten minutes at most: issued a minute in the past against clock drift. */
export async function signAppJwt(credentials: GitHubAppCredentials, now = Date.now()): Promise<string> {
  let key;
  try {
    key = createPrivateKey(credentials.privateKey.replaceAll("\\n", "\n"));
  } catch {
    throw new GitHubConfigError("GITHUB_APP_PRIVATE_KEY is not a PEM private key");
  }
  const seconds = Math.floor(now / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256" })
    .setIssuer(credentials.appId)
    .setIssuedAt(seconds - 60)
    .setExpirationTime(seconds + 9 * 60)
    .sign(key);
}

/** An installation token, from the cache while it has more than five minutes left. */
export async function installationToken(
  baseUrl: string,
  credentials: GitHubAppCredentials,
  now: () => number = Date.now,
): Promise<string> {
  const key = `${baseUrl}|${credentials.appId}|${credentials.installationId}`;
  const cached = cache.get(key);
  if (cached && cached.expiresAt - REFRESH_MARGIN_MS > now()) return cached.token;
  const jwt = await signAppJwt(credentials, now());
  const octokit = new Octokit({ baseUrl, auth: jwt });
  const operation = "apps.createInstallationAccessToken";
  let data: unknown;
  try {
    ({ data } = await octokit.rest.apps.createInstallationAccessToken({
      installation_id: Number(credentials.installationId),
    }));
  } catch (error) {
    if (isHttpError(error)) throw new GitHubCallError(operation, error.status, githubMessage(error), error);
    throw new GitHubCallError(operation, undefined, error instanceof Error ? error.message : String(error), error);
  }
  const parsed = installationTokenSchema.safeParse(data);
  if (!parsed.success) throw new GitHubCallError(operation, undefined, "unexpected response body");
  cache.set(key, { token: parsed.data.token, expiresAt: Date.parse(parsed.data.expires_at) });
  return parsed.data.token;
}
