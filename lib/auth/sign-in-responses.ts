// The responses of the sign-in routes, built by hand (status, Location, Set-Cookie) so they behave the
// same inside Next and when a test calls the route with a plain Request.
export function redirectResponse(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}

export function signInOffResponse(): Response {
  return Response.json({ error: "Sign-in is off: set OIDC_ISSUER to turn it on" }, { status: 404 });
}

/** Why a sign-in failed, as the sign-in page explains it. */
export type SignInError = "expired" | "denied" | "failed";

export function signInErrorRedirect(error: SignInError, cookies: string[]): Response {
  return redirectResponse(`/sign-in?error=${error}`, cookies);
}
