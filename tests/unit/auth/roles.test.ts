import { describe, expect, it } from "vitest";
import {
  ADMIN_GRANTS,
  can,
  canSomewhere,
  roleLabels,
  VIEWER_GRANTS,
  type Capability,
  type Grants,
} from "@/lib/auth/roles";

const engineer: Grants = { admin: false, engineer: true, squadLeadOf: [] };
const checkoutLead: Grants = { admin: false, engineer: false, squadLeadOf: ["checkout"] };

describe("can", () => {
  const everything: Capability[] = [
    "recommendation.dismiss",
    "pull-request.open",
    "settings.edit",
    "jobs.start",
    "audit.read",
  ];

  it("lets a viewer change nothing", () => {
    for (const capability of everything) {
      expect(can(VIEWER_GRANTS, capability, { squad: "checkout" })).toBe(false);
    }
  });

  it("lets an admin do everything, on any squad or none", () => {
    for (const capability of everything) {
      expect(can(ADMIN_GRANTS, capability)).toBe(true);
      expect(can(ADMIN_GRANTS, capability, { squad: "search" })).toBe(true);
    }
  });

  it("lets a squad lead dismiss and open pull requests for their squad only", () => {
    expect(can(checkoutLead, "recommendation.dismiss", { squad: "checkout" })).toBe(true);
    expect(can(checkoutLead, "pull-request.open", { squad: "checkout" })).toBe(true);
    expect(can(checkoutLead, "recommendation.dismiss", { squad: "search" })).toBe(false);
    expect(can(checkoutLead, "pull-request.open", { squad: "search" })).toBe(false);
    expect(can(checkoutLead, "recommendation.dismiss", { squad: null })).toBe(false);
    expect(can(checkoutLead, "settings.edit")).toBe(false);
    expect(can(checkoutLead, "jobs.start")).toBe(false);
  });

  it("lets an engineer open pull requests for any squad, and nothing else", () => {
    expect(can(engineer, "pull-request.open", { squad: "search" })).toBe(true);
    expect(can(engineer, "pull-request.open", { squad: null })).toBe(true);
    expect(can(engineer, "recommendation.dismiss", { squad: "search" })).toBe(false);
    expect(can(engineer, "jobs.start")).toBe(false);
    expect(can(engineer, "audit.read")).toBe(false);
  });
});

describe("canSomewhere (what the UI shows before it knows the squad)", () => {
  it("is true for a squad lead's dismiss, false for a viewer's or an engineer's", () => {
    expect(canSomewhere(checkoutLead, "recommendation.dismiss")).toBe(true);
    expect(canSomewhere(VIEWER_GRANTS, "recommendation.dismiss")).toBe(false);
    expect(canSomewhere(engineer, "recommendation.dismiss")).toBe(false);
    expect(canSomewhere(engineer, "pull-request.open")).toBe(true);
    expect(canSomewhere(checkoutLead, "jobs.start")).toBe(false);
  });
});

describe("roleLabels", () => {
  it("names every role, strongest first, and Viewer for none", () => {
    expect(roleLabels(VIEWER_GRANTS)).toEqual(["Viewer"]);
    expect(roleLabels({ admin: true, engineer: true, squadLeadOf: ["checkout", "search"] })).toEqual([
      "Admin",
      "Engineer",
      "Squad lead (checkout, search)",
    ]);
  });
});
