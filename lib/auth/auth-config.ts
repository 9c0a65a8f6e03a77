// Sign-in configuration, checked across fields: setting OIDC_ISSUER turns sign-in on, and then the client,
// the session secret and the app's public URL must all be there. A missing one fails at start with its
// name, never later at the first sign-in.
import { ConfigError, getConfig, type Config } from "../config/env";
import { roleGroupsSchema, type RoleGroup } from "./role-groups";

export type AuthConfig =
  | { enabled: false; appOrigin: string | null }
  | {
      enabled: true;
      issuer: URL;
      clientId: string;
      clientSecret: string;
      sessionSecret: string;
      appUrl: URL;
      /** APP_URL's origin: the redirect URI's and the Origin check's. */
      appOrigin: string;
      roleGroups: RoleGroup[];
      /** Cookies carry Secure when the app is served over https. */
      secureCookies: boolean;
      /** Plain http to the issuer is allowed for a loopback issuer only (a local test provider). */
      allowInsecureIssuer: boolean;
    };

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

const REQUIRED_WITH_ISSUER = ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "SESSION_SECRET", "APP_URL"] as const;

export function parseAuthConfig(config: Config): AuthConfig {
  const appOrigin = config.APP_URL ? new URL(config.APP_URL).origin : null;
  if (!config.OIDC_ISSUER) return { enabled: false, appOrigin };
  const problems = REQUIRED_WITH_ISSUER.filter((name) => !config[name]).map(
    (name) => `${name}: required when OIDC_ISSUER is set (sign-in is on)`,
  );
  const issuer = new URL(config.OIDC_ISSUER);
  const allowInsecureIssuer = issuer.protocol === "http:" && LOOPBACK.has(issuer.hostname);
  if (issuer.protocol !== "https:" && !allowInsecureIssuer) {
    problems.push("OIDC_ISSUER: expected an https:// issuer (plain http only for a loopback test issuer)");
  }
  const roleGroups = roleGroupsSchema.safeParse(config.OIDC_ROLE_GROUPS);
  if (!roleGroups.success) {
    problems.push(...roleGroups.error.issues.map((issue) => `OIDC_ROLE_GROUPS: ${issue.message}`));
  }
  if (problems.length > 0 || !roleGroups.success) throw new ConfigError(problems);
  const appUrl = new URL(config.APP_URL!);
  return {
    enabled: true,
    issuer,
    clientId: config.OIDC_CLIENT_ID!,
    clientSecret: config.OIDC_CLIENT_SECRET!,
    sessionSecret: config.SESSION_SECRET!,
    appUrl,
    appOrigin: appUrl.origin,
    roleGroups: roleGroups.data,
    secureCookies: appUrl.protocol === "https:",
    allowInsecureIssuer,
  };
}

let cached: AuthConfig | undefined;

/** This process's sign-in configuration, read once. */
export function getAuthConfig(): AuthConfig {
  cached ??= parseAuthConfig(getConfig());
  return cached;
}
