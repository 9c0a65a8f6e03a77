// OIDC_ROLE_GROUPS: "group=role;group=role", roles viewer | engineer | admin | squad-lead:<squad-slug>.
// A group may appear more than once to hold several roles. Parsed with zod so a typo fails at start with
// the entry it could not read.
import { z } from "zod";
import { VIEWER_GRANTS, type Grants } from "./roles";

const SQUAD_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export type MappedRole =
  { kind: "viewer" } | { kind: "engineer" } | { kind: "admin" } | { kind: "squad-lead"; squad: string };

export type RoleGroup = { group: string; role: MappedRole };

function readRole(text: string): MappedRole | null {
  if (text === "viewer" || text === "engineer" || text === "admin") return { kind: text };
  const lead = /^squad-lead:(.+)$/.exec(text);
  if (lead && SQUAD_SLUG.test(lead[1]!)) return { kind: "squad-lead", squad: lead[1]! };
  return null;
}

export const roleGroupsSchema = z
  .string()
  .optional()
  .transform((value, context): RoleGroup[] => {
    const entries: RoleGroup[] = [];
    const parts = (value ?? "")
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean);
    for (const [index, part] of parts.entries()) {
      const separator = part.lastIndexOf("=");
      const group = separator > 0 ? part.slice(0, separator).trim() : "";
      const role = readRole(separator > 0 ? part.slice(separator + 1).trim() : "");
      if (!group || !role) {
        context.addIssue({
          code: "custom",
          message:
            `entry ${index + 1} is not "group=role" with a role of viewer, engineer, admin or ` +
            "squad-lead:<squad-slug> (lower-case letters, digits and dashes)",
        });
        return z.NEVER;
      }
      entries.push({ group, role });
    }
    return entries;
  });

/** The grants of someone in `groups`; no mapped group gives a viewer. */
export function grantsForGroups(groups: readonly string[], mapping: readonly RoleGroup[]): Grants {
  const member = new Set(groups);
  const grants: Grants = { ...VIEWER_GRANTS, squadLeadOf: [] };
  for (const { group, role } of mapping) {
    if (!member.has(group)) continue;
    if (role.kind === "admin") grants.admin = true;
    if (role.kind === "engineer") grants.engineer = true;
    if (role.kind === "squad-lead" && !grants.squadLeadOf.includes(role.squad)) grants.squadLeadOf.push(role.squad);
  }
  grants.squadLeadOf.sort();
  return grants;
}

/** The groups worth keeping in a session: only those the mapping names, so the cookie stays small. */
export function mappedGroups(groups: readonly string[], mapping: readonly RoleGroup[]): string[] {
  const named = new Set(mapping.map((entry) => entry.group));
  return [...new Set(groups.filter((group) => named.has(group)))].sort();
}
