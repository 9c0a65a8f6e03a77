// What a signed-in person may do. Roles come from OIDC groups (OIDC_ROLE_GROUPS); a person in several
// mapped groups holds every role they map to, so grants are a set rather than one rung of a ladder.
// Reading is everyone's: a signed-in person with no mapped group is a viewer.

/** Something beyond reading that a route handler or server action checks on the server. */
export const CAPABILITIES = [
  "recommendation.dismiss",
  "pull-request.open",
  "settings.edit",
  "jobs.start",
  "audit.read",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type Grants = {
  admin: boolean;
  engineer: boolean;
  /** Squad slugs whose recommendations this person leads. */
  squadLeadOf: string[];
};

export const VIEWER_GRANTS: Grants = { admin: false, engineer: false, squadLeadOf: [] };
export const ADMIN_GRANTS: Grants = { admin: true, engineer: false, squadLeadOf: [] };

/** The squad a recommendation belongs to, for capabilities that squad leads hold for their own squad. */
export type CapabilityScope = { squad?: string | null };

/**
 * Whether `grants` allow `capability` on something in `scope`. Squad leads dismiss and act on their
 * squad's recommendations only: an unowned recommendation (no squad) is an engineer's or admin's.
 */
export function can(grants: Grants, capability: Capability, scope: CapabilityScope = {}): boolean {
  if (grants.admin) return true;
  const leadsScopeSquad = Boolean(scope.squad) && grants.squadLeadOf.includes(scope.squad!);
  switch (capability) {
    case "recommendation.dismiss":
      return leadsScopeSquad;
    case "pull-request.open":
      return grants.engineer || leadsScopeSquad;
    case "settings.edit":
    case "jobs.start":
    case "audit.read":
      return false;
  }
}

/** Whether `grants` allow `capability` on anything at all: what the UI uses before it knows the squad. */
export function canSomewhere(grants: Grants, capability: Capability): boolean {
  if (can(grants, capability)) return true;
  return grants.squadLeadOf.some((squad) => can(grants, capability, { squad }));
}

/** The roles as the header shows them, strongest first: "Admin", "Engineer", "Squad lead (checkout)". */
export function roleLabels(grants: Grants): string[] {
  const labels: string[] = [];
  if (grants.admin) labels.push("Admin");
  if (grants.engineer) labels.push("Engineer");
  if (grants.squadLeadOf.length > 0) labels.push(`Squad lead (${grants.squadLeadOf.join(", ")})`);
  return labels.length > 0 ? labels : ["Viewer"];
}
