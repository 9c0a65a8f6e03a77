// The case-study company's twelve product squads. "platform" owns the shared infrastructure (EKS nodes,
// NAT gateways, VPCs), so that spend has an owner too.
import type { Squad } from "./model";

export const PLATFORM_SQUAD = "platform";

export const SQUADS: readonly Squad[] = [
  { slug: "checkout", name: "Checkout", costCentre: "CC-1010" },
  { slug: "catalog", name: "Catalog", costCentre: "CC-1020" },
  { slug: "search", name: "Search", costCentre: "CC-1030" },
  { slug: "payments", name: "Payments", costCentre: "CC-1040" },
  { slug: "identity", name: "Identity", costCentre: "CC-1050" },
  { slug: "recommendations", name: "Recommendations", costCentre: "CC-1060" },
  { slug: "orders", name: "Orders", costCentre: "CC-1070" },
  { slug: "fulfilment", name: "Fulfilment", costCentre: "CC-1080" },
  { slug: "notifications", name: "Notifications", costCentre: "CC-1090" },
  { slug: "mobile", name: "Mobile", costCentre: "CC-1100" },
  { slug: "data", name: "Data", costCentre: "CC-1110" },
  { slug: PLATFORM_SQUAD, name: "Platform", costCentre: "CC-1000" },
];

export function squadBySlug(slug: string): Squad {
  const squad = SQUADS.find((s) => s.slug === slug);
  if (!squad) throw new Error(`unknown squad ${slug}`);
  return squad;
}

/** The product squads, i.e. every squad except platform. */
export const PRODUCT_SQUADS: readonly Squad[] = SQUADS.filter((s) => s.slug !== PLATFORM_SQUAD);
