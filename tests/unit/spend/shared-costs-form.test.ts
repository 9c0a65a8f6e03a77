// The shared-cost policy form rendered to markup: it starts from the policy in effect (ticked services and
// usage groups, the chosen split), offers shared services the cost data has not shown lately, says who
// changed it last, and is read-only for anyone but an admin.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ViewerProvider } from "@/components/auth/viewer-context";
import { SharedCostsForm } from "@/components/spend/shared-costs-form";
import { defaultAllocationSettings } from "@/lib/allocation/allocation-settings";
import { ADMIN_GRANTS, VIEWER_GRANTS, type Grants } from "@/lib/auth/roles";

const policy = {
  ...defaultAllocationSettings,
  sharedServices: ["AWS Support (Business)", "AWS Shield"],
  sharedClusterTeams: ["platform", "sre"],
  split: "proportional" as const,
};

function render(grants: Grants, lastChange: { by: string | null; at: string } | null = null): string {
  return renderToStaticMarkup(
    // Without JSX the provider's required `children` prop can only be given in its props.
    // eslint-disable-next-line react/no-children-prop
    createElement(ViewerProvider, {
      viewer: { signInEnabled: true, signedIn: true, displayName: "Someone", roles: [], grants },
      children: createElement(SharedCostsForm, {
        action: async (previous) => previous,
        policy,
        recentServices: ["Amazon Simple Storage Service", "AWS Support (Business)", "EC2 - Other"],
        lastChange,
      }),
    }),
  );
}

/** The attributes of every input named `name`, in document order. */
function inputs(html: string, name: string): Array<Record<string, string>> {
  return [...html.matchAll(/<input\b([^>]*)>/g)]
    .map((tag) => Object.fromEntries([...tag[1]!.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((a) => [a[1], a[2] ?? ""])))
    .filter((attributes) => attributes.name === name);
}

const checked = (html: string, name: string) =>
  inputs(html, name)
    .filter((input) => "checked" in input)
    .map((input) => input.value);

describe("the shared-cost policy form", () => {
  it("starts from the policy in effect and says who changed it last", () => {
    const html = render(ADMIN_GRANTS, { by: "alice@example.com", at: "2026-12-01T09:30:00.000Z" });
    expect(inputs(html, "sharedServices").map((input) => input.value)).toEqual([
      "Amazon Simple Storage Service",
      "AWS Shield",
      "AWS Support (Business)",
      "EC2 - Other",
    ]);
    expect(checked(html, "sharedServices")).toEqual(["AWS Shield", "AWS Support (Business)"]);
    expect(checked(html, "sharedUsageGroups")).toEqual(["NAT Gateway"]);
    expect(checked(html, "split")).toEqual(["proportional"]);
    expect(inputs(html, "sharedClusterTeams")[0]?.value).toBe("platform, sre");
    expect(html).toContain("AWS Shield<span");
    expect(html).toContain("(not in the last 90 days of cost data)");
    expect(html).toContain("Last changed by alice@example.com");
    expect(html).toContain("Save shared-cost policy");
    expect(html).not.toMatch(/<fieldset[^>]*disabled/);
  });

  it("says when the defaults are in use", () => {
    expect(render(ADMIN_GRANTS)).toContain("Never changed: the defaults are in use.");
  });

  it("is read-only for anyone but an admin", () => {
    const html = render(VIEWER_GRANTS);
    expect(html).toMatch(/<fieldset[^>]*disabled/);
    expect(html).not.toContain('type="submit"');
    expect(html).toContain("Only admins can change the shared-cost policy.");
  });
});
