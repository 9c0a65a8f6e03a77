// The price table (public on-demand list prices, USD) and exact lookups into it. Every cost the sandbox
// serves is inventory x one of these prices x hours, so Cost Explorer, the Price List API and the planted
// savings agree to the micro-dollar.
import { INSTANCE_TYPES } from "./instance-types";
import { formatMicros, microsFromDecimal } from "./micros";
import type { Day, Micros, Organisation, Price, PriceKind } from "./model";

export const HOURS_PER_MONTH = 730;

const VOLUME_GB_MONTH: Record<string, string> = { gp2: "0.10", gp3: "0.08", io1: "0.125", st1: "0.045" };

/** PostgreSQL single-AZ instance-hour prices; Multi-AZ is twice the price. */
const DB_INSTANCE_HOUR: Record<string, string> = {
  "db.t3.medium": "0.072",
  "db.m5.large": "0.178",
  "db.m5.xlarge": "0.356",
  "db.r5.large": "0.25",
  "db.r5.xlarge": "0.5",
  "db.r5.2xlarge": "1",
  "db.r5.4xlarge": "2",
};

const REGION_CODES: Record<string, string> = { "us-east-1": "USE1", "us-west-2": "USW2" };

function doubled(usd: string): string {
  return formatMicros(microsFromDecimal(usd) * 2);
}

export function buildPriceTable(regions: readonly string[], effectiveDate: Day): Price[] {
  const prices: Price[] = [];
  for (const region of regions) {
    const code = REGION_CODES[region] ?? region.toUpperCase();
    const add = (kind: PriceKind, key: string, unit: Price["unit"], usdPerUnit: string, extra: Partial<Price> = {}) =>
      prices.push({
        sku: `${code}-${kind}-${key || "all"}${extra.deployment === "multi-az" ? "-maz" : ""}`.toUpperCase(),
        kind,
        region,
        key,
        unit,
        usdPerUnit,
        effectiveDate,
        ...extra,
      });
    for (const [type, spec] of Object.entries(INSTANCE_TYPES)) add("ec2-instance-hour", type, "Hrs", spec.usdPerHour);
    for (const [type, usd] of Object.entries(VOLUME_GB_MONTH)) add("ebs-gb-month", type, "GB-Mo", usd);
    add("nat-hour", "", "Hrs", "0.045");
    add("nat-gb", "", "GB", "0.045");
    add("endpoint-hour", "", "Hrs", "0.01");
    add("endpoint-gb", "", "GB", "0.01");
    for (const [dbClass, usd] of Object.entries(DB_INSTANCE_HOUR)) {
      add("rds-instance-hour", dbClass, "Hrs", usd, { deployment: "single-az" });
      add("rds-instance-hour", dbClass, "Hrs", doubled(usd), { deployment: "multi-az" });
    }
    add("rds-storage-gb-month", "gp2", "GB-Mo", "0.115", { deployment: "single-az" });
    add("rds-storage-gb-month", "gp2", "GB-Mo", "0.23", { deployment: "multi-az" });
  }
  return prices;
}

type PriceIndex = Map<string, Micros>;
const indexes = new WeakMap<Price[], PriceIndex>();

function indexKey(kind: PriceKind, region: string, key: string, deployment?: string): string {
  return `${kind}|${region}|${key}|${deployment ?? ""}`;
}

/** Micro-dollars per unit for one price, e.g. ("ec2-instance-hour", "us-east-1", "m5.2xlarge") -> 384000. */
export function unitPriceMicros(
  org: Pick<Organisation, "prices">,
  kind: PriceKind,
  region: string,
  key = "",
  deployment?: "single-az" | "multi-az",
): Micros {
  let index = indexes.get(org.prices);
  if (!index) {
    index = new Map(
      org.prices.map((p) => [indexKey(p.kind, p.region, p.key, p.deployment), microsFromDecimal(p.usdPerUnit)]),
    );
    indexes.set(org.prices, index);
  }
  const micros = index.get(indexKey(kind, region, key, deployment));
  if (micros === undefined) throw new Error(`no price for ${kind} ${region} ${key} ${deployment ?? ""}`);
  return micros;
}

/** The region prefix of a usage type: "" in us-east-1, "USW2-" elsewhere, as in AWS bills. */
export function usageTypePrefix(region: string): string {
  if (region === "us-east-1") return "";
  return `${REGION_CODES[region] ?? region.toUpperCase()}-`;
}
