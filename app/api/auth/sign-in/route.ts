import { getAuthConfig } from "@/lib/auth/auth-config";
import { startSignIn } from "@/lib/auth/oidc-client";
import { redirectResponse, signInErrorRedirect, signInOffResponse } from "@/lib/auth/sign-in-responses";
import { safeReturnPath, signInFlowCookie } from "@/lib/auth/sign-in-flow";
import { checkOrigin } from "@/lib/security/origin-check";

export const dynamic = "force-dynamic";

/** POST /api/auth/sign-in (form: returnTo) -> 303 to the issuer, with the sign-in flow sealed in a cookie. */
export async function POST(request: Request) {
  const config = getAuthConfig();
  if (!config.enabled) return signInOffResponse();
  const origin = checkOrigin({
    method: request.method,
    headers: request.headers,
    allowedOrigin: config.appOrigin,
    cookieAuthenticated: false,
  });
  if (!origin.ok) return Response.json({ error: "Cross-site request refused" }, { status: 403 });
  const form = await request.formData().catch(() => null);
  const returnTo = safeReturnPath(typeof form?.get("returnTo") === "string" ? (form.get("returnTo") as string) : "/");
  try {
    const { authorizationUrl, flow } = await startSignIn(config, returnTo);
    return redirectResponse(authorizationUrl.href, [await signInFlowCookie(config, flow)]);
  } catch (error) {
    console.error("[costlens] sign-in could not start (is OIDC_ISSUER reachable?):", error);
    return signInErrorRedirect("failed", []);
  }
}
