// Reads the on-demand prices out of one Price List product: one row per OnDemand term, from its first
// price tier (beginRange 0; VPC endpoint bytes are tiered by volume). The amount stays the exact decimal
// string AWS serves ("0.3840000000"); the effective date is the term's.
import type { PriceKind } from "../../db/generated/client";
import type { IsoDay } from "../../format/dates";
import type { PriceListDocument } from "./price-list-payloads";
import { RDS_DEPLOYMENTS, RDS_ENGINES, rdsPriceKey } from "./price-keys";

export interface PriceRow {
  kind: PriceKind;
  region: string;
  key: string;
  unit: string;
  usdPerUnit: string;
  sku: string;
  effectiveDate: IsoDay;
}

/** What a product is a price of, or null when it is not one CostLens keeps. */
export type PriceClassifier = (attributes: Record<string, string>) => { kind: PriceKind; key: string } | null;

/** A usage type with or without its region prefix ("NatGateway-Hours", "USW2-NatGateway-Hours"). */
function usageType(attributes: Record<string, string>, pattern: string): boolean {
  return new RegExp(`^(?:[A-Z]{2,4}\\d?-)?${pattern}$`).test(attributes.usagetype ?? "");
}

/** RDS storage products name their volume type in words; the API name is what DescribeDBInstances reports. */
const RDS_VOLUME_TYPES: Record<string, string> = {
  "General Purpose": "gp2",
  "General Purpose-GP3": "gp3",
  "Provisioned IOPS": "io1",
  "Provisioned IOPS-IO2": "io2",
  Magnetic: "standard",
};

function rds(attributes: Record<string, string>, sizeType: string | undefined) {
  const engine = RDS_ENGINES[attributes.databaseEngine ?? ""];
  const deployment = RDS_DEPLOYMENTS[attributes.deploymentOption ?? ""];
  if (!engine || !deployment || !sizeType) return null;
  return rdsPriceKey(sizeType, engine, deployment === "multi-az");
}

export const classifiers = {
  ec2Instance: (a) =>
    a.instanceType && usageType(a, `BoxUsage:${a.instanceType.replaceAll(".", "\\.")}`)
      ? { kind: "EC2_INSTANCE_HOUR", key: a.instanceType }
      : null,
  ebsVolume: (a) => (a.volumeApiName ? { kind: "EBS_GB_MONTH", key: a.volumeApiName } : null),
  natGateway: (a) =>
    usageType(a, "NatGateway-Hours")
      ? { kind: "NAT_HOUR", key: "" }
      : usageType(a, "NatGateway-Bytes")
        ? { kind: "NAT_GB", key: "" }
        : null,
  vpcEndpoint: (a) =>
    usageType(a, "VpcEndpoint-Hours")
      ? { kind: "ENDPOINT_HOUR", key: "" }
      : usageType(a, "VpcEndpoint-Bytes")
        ? { kind: "ENDPOINT_GB", key: "" }
        : null,
  rdsInstance: (a) => {
    if (!usageType(a, `(InstanceUsage|Multi-AZUsage):${(a.instanceType ?? "").replaceAll(".", "\\.")}`)) return null;
    const key = rds(a, a.instanceType);
    return key ? { kind: "RDS_INSTANCE_HOUR", key } : null;
  },
  rdsStorage: (a) => {
    const key = rds(a, a.volumeApiName ?? RDS_VOLUME_TYPES[a.volumeType ?? ""]);
    return key ? { kind: "RDS_STORAGE_GB_MONTH", key } : null;
  },
} satisfies Record<string, PriceClassifier>;

export function readPriceDocument(document: PriceListDocument, region: string, classify: PriceClassifier): PriceRow[] {
  const { attributes, sku } = document.product;
  if (attributes.regionCode !== undefined && attributes.regionCode !== region) return [];
  const what = classify(attributes);
  if (!what) return [];
  return Object.values(document.terms.OnDemand ?? {}).flatMap((term) => {
    const dimensions = Object.values(term.priceDimensions);
    const first = dimensions.find((d) => d.beginRange === undefined || Number(d.beginRange) === 0);
    if (!first) return [];
    return [
      {
        ...what,
        region,
        unit: first.unit,
        usdPerUnit: first.pricePerUnit.USD,
        sku,
        effectiveDate: term.effectiveDate.slice(0, 10),
      },
    ];
  });
}
