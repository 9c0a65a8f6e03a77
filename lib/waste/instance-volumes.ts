// What an instance's EBS volumes cost a month: they bill whether it runs or not, and go with it.
import { Decimal } from "../db/decimal";
import { parseResourceAttributes } from "../ingest/inventory/resource-attributes";
import type { ResourceFact } from "./detection-facts";
import { sumDecimals } from "./monthly-cost";
import type { PriceLookup } from "./price-book";

export interface VolumeCost {
  volumeId: string;
  sizeGiB: number;
  volumeType: string;
  monthly: Decimal;
}

/** Index of EBS volumes by AWS id (account-agnostic: EC2 volume ids are unique). */
export function volumesById(resources: readonly ResourceFact[]): Map<string, ResourceFact> {
  return new Map(resources.filter((r) => r.kind === "EBS_VOLUME").map((r) => [r.resourceId, r]));
}

/**
 * The monthly cost of the listed volumes; undefined when a volume's price is missing. Volumes the inventory
 * does not know are left out and listed in `unknown`.
 */
export function volumesMonthlyCost(
  volumeIds: readonly string[],
  volumes: ReadonlyMap<string, ResourceFact>,
  prices: PriceLookup,
): { volumes: VolumeCost[]; unknown: string[]; total: Decimal } | undefined {
  const costs: VolumeCost[] = [];
  const unknown: string[] = [];
  for (const volumeId of volumeIds) {
    const volume = volumes.get(volumeId);
    if (!volume) {
      unknown.push(volumeId);
      continue;
    }
    const attributes = parseResourceAttributes("EBS_VOLUME", volume.attributes);
    const price = prices.get("EBS_GB_MONTH", volume.region, attributes.volumeType);
    if (!price) return undefined;
    costs.push({
      volumeId,
      sizeGiB: attributes.sizeGiB,
      volumeType: attributes.volumeType,
      monthly: price.usdPerUnit.mul(attributes.sizeGiB),
    });
  }
  return { volumes: costs, unknown, total: sumDecimals(costs.map((c) => c.monthly)) };
}

export function describeVolumes(volumes: readonly VolumeCost[]): string {
  return volumes.length === 0
    ? "no volumes"
    : volumes.map((v) => `${v.volumeId} (${v.sizeGiB} GiB ${v.volumeType})`).join(", ");
}

/** The evidence facts about an instance's volumes: which were counted, and which the inventory lacks. */
export function volumeFacts(volumeCost: { volumes: readonly VolumeCost[]; unknown: readonly string[] }) {
  return [
    { label: "Volumes", value: describeVolumes(volumeCost.volumes) },
    ...(volumeCost.unknown.length > 0
      ? [{ label: "Volumes not in inventory (not counted)", value: volumeCost.unknown.join(", ") }]
      : []),
  ];
}

export const ZERO = new Decimal(0);
