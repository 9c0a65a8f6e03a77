// Who is making a request. Signed in: the session's person with the roles their groups map to. Sign-in
// off (no OIDC_ISSUER): everyone is the built-in demo user with the admin role, and the header says so.
import { getAuthConfig } from "./auth-config";
import { grantsForGroups } from "./role-groups";
import { ADMIN_GRANTS, roleLabels, type Grants } from "./roles";
import { readSession, type Session } from "./session";

export type Actor = {
  /** What the audit log records: the email, else the issuer's subject; "demo" when sign-in is off. */
  id: string;
  displayName: string;
  grants: Grants;
  /** The session's id (CSRF tokens are bound to it); null for the demo user. */
  sessionId: string | null;
};

export const DEMO_ACTOR: Actor = { id: "demo", displayName: "Demo user", grants: ADMIN_GRANTS, sessionId: null };

export function actorFromSession(session: Session, grants: Grants): Actor {
  const id = session.email ?? session.sub;
  return { id, displayName: session.name ?? id, grants, sessionId: session.sid };
}

/** The actor of a request with this Cookie header: null when sign-in is on and there is no valid session. */
export async function actorFromCookieHeader(cookieHeader: string | null): Promise<Actor | null> {
  const config = getAuthConfig();
  if (!config.enabled) return DEMO_ACTOR;
  const session = await readSession(config, cookieHeader);
  return session ? actorFromSession(session, grantsForGroups(session.groups, config.roleGroups)) : null;
}

/** What the header and the client components show about the person. */
export type Viewer = {
  signInEnabled: boolean;
  signedIn: boolean;
  displayName: string;
  roles: string[];
  grants: Grants;
};

export function viewerOf(actor: Actor | null, signInEnabled: boolean): Viewer {
  return {
    signInEnabled,
    signedIn: actor !== null && actor.sessionId !== null,
    displayName: actor?.displayName ?? "",
    roles: actor ? roleLabels(actor.grants) : [],
    grants: actor?.grants ?? { admin: false, engineer: false, squadLeadOf: [] },
  };
}
