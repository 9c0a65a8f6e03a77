import { recordAuditEvent } from "@/lib/auth/audit/record-audit-event";
import { getAuthConfig } from "@/lib/auth/auth-config";
import { endSessionUrl } from "@/lib/auth/oidc-client";
import { requireActor } from "@/lib/auth/require-actor";
import { clearSessionCookie } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";

export const dynamic = "force-dynamic";

/**
 * POST /api/auth/sign-out -> 200 { redirectTo } with the session cookie cleared; redirectTo is the issuer's
 * end-session endpoint when it has one (so the issuer's own session ends too), else the sign-in page.
 */
export async function POST(request: Request) {
  const config = getAuthConfig();
  if (!config.enabled)
    return Response.json({ error: "Sign-in is off: there is nothing to sign out of" }, { status: 404 });
  const guard = await requireActor(request, null);
  // An expired session still gets its cookie cleared; a cross-site or token-less request gets nothing.
  if (!guard.ok && guard.response.status !== 401) return guard.response;
  if (guard.ok) {
    await recordAuditEvent(await getPrisma(), {
      actor: guard.actor.id,
      action: "session.sign-out",
      entityType: "session",
    }).catch((error: unknown) => console.error("[costlens] the sign-out was not recorded in the audit log:", error));
  }
  const issuerSignOut = await endSessionUrl(config).catch((error: unknown) => {
    console.error("[costlens] the issuer's end-session endpoint could not be read:", error);
    return null;
  });
  return Response.json(
    { redirectTo: issuerSignOut?.href ?? "/sign-in?signedOut=1" },
    { headers: { "set-cookie": clearSessionCookie(config), "cache-control": "no-store" } },
  );
}
