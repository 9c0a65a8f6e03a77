// Paths anyone may reach without a session: signing in itself, the health probe the orchestrator polls,
// and GitHub's webhook (it proves itself with its signature, not a cookie).
const PUBLIC_PATHS = new Set(["/sign-in", "/api/health", "/api/github/webhook"]);
const PUBLIC_PREFIXES = ["/api/auth/"];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.has(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}
