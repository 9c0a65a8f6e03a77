// Runs before every route (Node.js runtime): refuses cross-site state changes, sends people without a
// session to sign-in (API calls get a 401), and gives every page a Content-Security-Policy with a fresh
// nonce, which Next reads from the request's CSP header and puts on its own scripts. Route handlers and
// server actions still check the role themselves: this is the outer wall, not the only one.
import { NextResponse, type NextRequest } from "next/server";
import { actorFromCookieHeader } from "@/lib/auth/actor";
import { getAuthConfig } from "@/lib/auth/auth-config";
import { requestOriginAllowed } from "@/lib/auth/request-origin";
import {
  API_CONTENT_SECURITY_POLICY,
  buildContentSecurityPolicy,
  createNonce,
} from "@/lib/security/content-security-policy";
import { isPublicPath } from "@/lib/security/public-paths";

const json = (status: number, error: string) =>
  NextResponse.json(
    { error },
    { status, headers: { "cache-control": "no-store", "content-security-policy": API_CONTENT_SECURITY_POLICY } },
  );

export async function proxy(request: NextRequest) {
  const config = getAuthConfig();
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const cookieHeader = request.headers.get("cookie");

  if (!requestOriginAllowed(request, config)) return json(403, "Cross-site request refused");

  if (config.enabled && !isPublicPath(pathname) && !(await actorFromCookieHeader(cookieHeader))) {
    if (isApi) return json(401, "Sign in to continue");
    // APP_URL, not the request's URL: Next may have normalised the host (127.0.0.1 reads as localhost).
    const signIn = new URL("/sign-in", config.appUrl);
    signIn.searchParams.set("returnTo", `${pathname}${search}`);
    return NextResponse.redirect(signIn, 303);
  }

  if (isApi) return NextResponse.next({ headers: { "content-security-policy": API_CONTENT_SECURITY_POLICY } });
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
    issuerOrigin: config.enabled ? config.issuer.origin : null,
    https: config.appOrigin?.startsWith("https:") === true,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Everything but the build's static files: pages, route handlers and server actions alike.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
