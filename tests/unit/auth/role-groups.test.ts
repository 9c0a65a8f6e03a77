import { describe, expect, it } from "vitest";
import { grantsForGroups, mappedGroups, roleGroupsSchema } from "@/lib/auth/role-groups";

describe("OIDC_ROLE_GROUPS", () => {
  it("reads group=role pairs, squad leads with their squad, spaces around separators", () => {
    const mapping = roleGroupsSchema.parse(
      " costlens-admins = admin ; Platform Engineers=engineer;checkout-leads=squad-lead:checkout;everyone=viewer;",
    );
    expect(mapping).toEqual([
      { group: "costlens-admins", role: { kind: "admin" } },
      { group: "Platform Engineers", role: { kind: "engineer" } },
      { group: "checkout-leads", role: { kind: "squad-lead", squad: "checkout" } },
      { group: "everyone", role: { kind: "viewer" } },
    ]);
  });

  it("is empty when unset or blank", () => {
    expect(roleGroupsSchema.parse(undefined)).toEqual([]);
    expect(roleGroupsSchema.parse("  ")).toEqual([]);
  });

  it.each([
    ["admins", "no role"],
    ["=admin", "no group"],
    ["admins=superuser", "unknown role"],
    ["leads=squad-lead", "squad lead without a squad"],
    ["leads=squad-lead:Check Out", "squad slug with capitals and a space"],
  ])("refuses %s (%s), naming the entry's position, not its text", (value) => {
    const result = roleGroupsSchema.safeParse(`ok=viewer;${value}`);
    expect(result.success).toBe(false);
    const message = result.error!.issues[0]!.message;
    expect(message).toContain("entry 2");
    expect(message).toContain("squad-lead:<squad-slug>");
  });
});

describe("grantsForGroups", () => {
  const mapping = roleGroupsSchema.parse(
    "admins=admin;engineers=engineer;checkout-leads=squad-lead:checkout;search-leads=squad-lead:search;both=squad-lead:checkout",
  );

  it("gives a viewer to someone with no mapped group", () => {
    expect(grantsForGroups(["marketing"], mapping)).toEqual({ admin: false, engineer: false, squadLeadOf: [] });
    expect(grantsForGroups([], mapping)).toEqual({ admin: false, engineer: false, squadLeadOf: [] });
  });

  it("adds up every mapped group, each squad once, sorted", () => {
    expect(grantsForGroups(["search-leads", "checkout-leads", "both", "engineers"], mapping)).toEqual({
      admin: false,
      engineer: true,
      squadLeadOf: ["checkout", "search"],
    });
    expect(grantsForGroups(["admins"], mapping).admin).toBe(true);
  });

  it("matches group names exactly (case matters, as in the issuer)", () => {
    expect(grantsForGroups(["Admins"], mapping).admin).toBe(false);
  });

  it("keeps only the groups the mapping names, for a small session cookie", () => {
    expect(mappedGroups(["x", "engineers", "y", "engineers", "admins"], mapping)).toEqual(["admins", "engineers"]);
  });
});
