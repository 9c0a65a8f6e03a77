// Runs before every route (Node.js runtime): refuses cross-site state changes, sends people without a
// session to sign-in (API calls get a 401), answers pages with a 503 while the database is unreachable
// (route handlers answer their own 503s), and gives every page a Content-Security-Policy with a fresh
// nonce, which Next reads from the request's CSP header and puts on its own scripts. Route handlers and
// server actions still check the role themselves: this is the outer wall, not the only one.
import { NextResponse, type NextRequest } from "next/server";
import { actorFromCookieHeader } from "@/lib/auth/actor";
import { getAuthConfig } from "@/lib/auth/auth-config";
import { requestOriginAllowed } from "@/lib/auth/request-origin";
import { databaseAnswers, databaseDownSince } from "@/lib/db/outage";
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

const OUTAGE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="10">
<title>Database unreachable · CostLens</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>CostLens cannot reach its database</h1>
<p>Nothing is lost: the figures come back as soon as Postgres answers again. This page retries every 10 seconds.</p>
<p>If it stays down, check that Postgres is running and that DATABASE_URL points at it.</p>
</body></html>`;

/** A page request while the database is known to be down: 503 until one quick query answers again. */
async function outageResponse(): Promise<NextResponse | null> {
  if (databaseDownSince() === undefined || (await databaseAnswers())) return null;
  return new NextResponse(OUTAGE_PAGE, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "retry-after": "10",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}

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
  const outage = await outageResponse();
  if (outage) return outage;
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
