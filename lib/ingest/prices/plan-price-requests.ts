// Which GetProducts requests fill the price table: per region in the inventory, one request per kind of
// price, each narrowed to the types in use (ANY_OF) and to the on-demand Linux/shared-tenancy products
// CostLens prices recommendations with. The Price List API filters regions by their code ("us-east-1") in
// the `regionCode` attribute.
import type { Filter } from "@aws-sdk/client-pricing";
import { RDS_DEPLOYMENTS, RDS_ENGINES } from "./price-keys";
import { classifiers, type PriceClassifier } from "./read-price-document";

export interface PriceRequest {
  label: string;
  region: string;
  serviceCode: "AmazonEC2" | "AmazonRDS" | "AmazonVPC";
  filters: Filter[];
  classify: PriceClassifier;
}

/** What the inventory uses in one region: instance types, EBS volume types, DB classes. */
export interface RegionUsage {
  region: string;
  instanceTypes: string[];
  volumeTypes: string[];
  dbClasses: string[];
}

const term = (field: string, value: string): Filter => ({ Type: "TERM_MATCH", Field: field, Value: value });
const anyOf = (field: string, values: readonly string[]): Filter => ({
  Type: "ANY_OF",
  Field: field,
  Value: [...values].sort().join(","),
});

/** The Price List `regionCode` of an AWS region: the code itself. */
export function priceListRegion(region: string): Filter {
  return term("regionCode", region);
}

export function planPriceRequests(usage: RegionUsage): PriceRequest[] {
  const { region } = usage;
  const at = (label: string) => `${label} in ${region}`;
  const requests: PriceRequest[] = [];
  if (usage.instanceTypes.length > 0) {
    requests.push({
      label: at("EC2 instance hours"),
      region,
      serviceCode: "AmazonEC2",
      filters: [
        term("productFamily", "Compute Instance"),
        priceListRegion(region),
        anyOf("instanceType", usage.instanceTypes),
        term("operatingSystem", "Linux"),
        term("tenancy", "Shared"),
        term("preInstalledSw", "NA"),
        term("capacitystatus", "Used"),
      ],
      classify: classifiers.ec2Instance,
    });
  }
  if (usage.volumeTypes.length > 0) {
    requests.push({
      label: at("EBS volume GB-months"),
      region,
      serviceCode: "AmazonEC2",
      filters: [term("productFamily", "Storage"), priceListRegion(region), anyOf("volumeApiName", usage.volumeTypes)],
      classify: classifiers.ebsVolume,
    });
  }
  if (usage.dbClasses.length > 0) {
    const rdsFilters = [
      priceListRegion(region),
      anyOf("databaseEngine", Object.keys(RDS_ENGINES)),
      anyOf("deploymentOption", Object.keys(RDS_DEPLOYMENTS)),
    ];
    requests.push(
      {
        label: at("RDS instance hours"),
        region,
        serviceCode: "AmazonRDS",
        filters: [term("productFamily", "Database Instance"), anyOf("instanceType", usage.dbClasses), ...rdsFilters],
        classify: classifiers.rdsInstance,
      },
      {
        label: at("RDS storage GB-months"),
        region,
        serviceCode: "AmazonRDS",
        filters: [term("productFamily", "Database Storage"), ...rdsFilters],
        classify: classifiers.rdsStorage,
      },
    );
  }
  requests.push(
    {
      label: at("NAT gateway hours and GB"),
      region,
      serviceCode: "AmazonEC2",
      filters: [term("productFamily", "NAT Gateway"), priceListRegion(region)],
      classify: classifiers.natGateway,
    },
    {
      label: at("VPC endpoint hours and GB"),
      region,
      serviceCode: "AmazonVPC",
      filters: [term("productFamily", "VpcEndpoint"), priceListRegion(region)],
      classify: classifiers.vpcEndpoint,
    },
  );
  return requests;
}
