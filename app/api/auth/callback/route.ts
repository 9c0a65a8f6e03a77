import { getAuthConfig } from "@/lib/auth/auth-config";
import { recordAuditEvent } from "@/lib/auth/audit/record-audit-event";
import { completeSignIn } from "@/lib/auth/oidc-client";
import { grantsForGroups } from "@/lib/auth/role-groups";
import { roleLabels } from "@/lib/auth/roles";
import { redirectResponse, signInErrorRedirect, signInOffResponse } from "@/lib/auth/sign-in-responses";
import { clearSignInFlowCookie, readSignInFlow } from "@/lib/auth/sign-in-flow";
import { sessionCookie, type Session } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";

export const dynamic = "force-dynamic";

async function auditSignIn(session: Session, roles: string[]) {
  try {
    await recordAuditEvent(await getPrisma(), {
      actor: session.email ?? session.sub,
      action: "session.sign-in",
      entityType: "session",
      after: { subject: session.sub, roles },
    });
  } catch (error) {
    console.error("[costlens] the sign-in was not recorded in the audit log:", error);
  }
}

/** GET /api/auth/callback: the issuer's redirect. Checks state, nonce and the ID token, then starts the session. */
export async function GET(request: Request) {
  const config = getAuthConfig();
  if (!config.enabled) return signInOffResponse();
  const clearFlow = clearSignInFlowCookie(config);
  const flow = await readSignInFlow(config, request.headers.get("cookie"));
  if (!flow) return signInErrorRedirect("expired", [clearFlow]);
  const search = new URL(request.url).search;
  if (new URLSearchParams(search).has("error")) return signInErrorRedirect("denied", [clearFlow]);
  try {
    const session = await completeSignIn(config, search, flow);
    await auditSignIn(session, roleLabels(grantsForGroups(session.groups, config.roleGroups)));
    return redirectResponse(flow.returnTo, [clearFlow, await sessionCookie(config, session)]);
  } catch (error) {
    console.error("[costlens] sign-in refused (state, nonce, PKCE or the ID token did not check out):", error);
    return signInErrorRedirect("failed", [clearFlow]);
  }
}
