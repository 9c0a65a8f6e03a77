// When a merged fix has taken effect, judged from the inventory alone (a pure function of stored facts):
// - a deletion (zombie, stopped instance, orphan volume, idle replica): the resource left the inventory
// - rightsizing: the resource's type is no longer the one the evidence names (or it is gone)
// - NAT waste: the VPC has an endpoint for a service it lacked when the evidence was taken (or the NAT
//   gateway is gone)
// - non-prod always on: the Auto Scaling group is gone. The inventory does not list scheduled actions yet, so
//   a merged schedule cannot be seen here; such a recommendation stays IN_PROGRESS until it can.
import type { RecommendationType } from "../db/generated/enums";
import type { IsoDay } from "../format/dates";

export interface ResolutionFacts {
  type: RecommendationType;
  /** the evidence's facts list, as detection wrote it */
  evidenceFacts: { label: string; value: string }[];
  /** the resource the recommendation is about, null when the inventory row is missing */
  resource: { goneOn: IsoDay | null; sizeType: string | null } | null;
  /** NAT waste: the services (s3, dynamodb, ecr.api, ...) of the live endpoints in the NAT's VPC now */
  endpointServicesNow: string[];
}

export const INSTANCE_TYPE_FACT = "Instance type";
export const ENDPOINTS_FACT = "Endpoints in the VPC";

function factValue(facts: ResolutionFacts["evidenceFacts"], label: string): string | undefined {
  return facts.find((f) => f.label === label)?.value;
}

/** "m5.2xlarge (8 vCPUs)" -> "m5.2xlarge" */
function typeNamed(value: string | undefined): string | undefined {
  return value?.trim().split(/\s+/)[0] || undefined;
}

/** "s3, dynamodb" -> {s3, dynamodb}; "none" -> {} */
function servicesNamed(value: string | undefined): Set<string> {
  if (!value || value.trim() === "none") return new Set();
  return new Set(
    value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export function isResolved(facts: ResolutionFacts): boolean {
  const resource = facts.resource;
  if (resource === null) return false;
  if (resource.goneOn !== null) return true;
  switch (facts.type) {
    case "RIGHTSIZING": {
      const recommendedFrom = typeNamed(factValue(facts.evidenceFacts, INSTANCE_TYPE_FACT));
      return recommendedFrom !== undefined && resource.sizeType !== null && resource.sizeType !== recommendedFrom;
    }
    case "NAT_WASTE": {
      const before = servicesNamed(factValue(facts.evidenceFacts, ENDPOINTS_FACT));
      return facts.endpointServicesNow.some((service) => !before.has(service));
    }
    default:
      return false;
  }
}
