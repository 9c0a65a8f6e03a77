import type { Capability } from "@/lib/auth/roles";

export interface NavItem {
  href: string;
  label: string;
  /** Shown only to people who hold this capability. */
  capability?: Capability;
}

/** The product's sections, in the order users meet them. */
export const navigation: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/squads", label: "Squads" },
  { href: "/reconciliation", label: "Reconciliation" },
  { href: "/waste", label: "Waste" },
  { href: "/pull-requests", label: "Pull requests" },
  { href: "/review", label: "Monthly review" },
  { href: "/jobs", label: "Jobs" },
  { href: "/settings", label: "Settings" },
  { href: "/admin/audit", label: "Audit log", capability: "audit.read" },
];
