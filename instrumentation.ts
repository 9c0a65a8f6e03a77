// Runs once when the server starts: a half-configured sign-in (an issuer without its client, secret or
// APP_URL) stops the server naming the variable, instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getAuthConfig } = await import("./lib/auth/auth-config");
  getAuthConfig();
}
