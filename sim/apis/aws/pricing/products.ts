// The organisation's price table as Price List products: `product.attributes` named as AWS names them
// (instanceType, regionCode, volumeApiName, usagetype, ...) and one OnDemand term per product. RDS prices
// apply to both engines the sandbox runs, so each RDS price becomes a PostgreSQL and a MySQL product.
import { instanceTypeSpec } from "../../../org/instance-types";
import type { Price } from "../../../org/model";
import { usageTypePrefix } from "../../../org/prices";
import { hashString } from "../../../org/random";

export interface Product {
  serviceCode: string;
  productFamily: string;
  sku: string;
  attributes: Record<string, string>;
  price: Price;
}

const LOCATIONS: Record<string, string> = {
  "us-east-1": "US East (N. Virginia)",
  "us-east-2": "US East (Ohio)",
  "us-west-2": "US West (Oregon)",
  "eu-west-1": "EU (Ireland)",
  "eu-central-1": "EU (Frankfurt)",
};

const FAMILIES: Record<string, string> = { c: "Compute optimized", r: "Memory optimized" };

const ENGINES = [
  { name: "PostgreSQL", skuSuffix: "" },
  { name: "MySQL", skuSuffix: "-MYSQL" },
];

function ec2InstanceAttributes(p: Price, prefix: string): Record<string, string> {
  const spec = instanceTypeSpec(p.key);
  return {
    instanceType: p.key,
    instanceFamily: FAMILIES[p.key.charAt(0)] ?? "General purpose",
    vcpu: String(spec.vcpus),
    memory: `${spec.memoryGiB} GiB`,
    processorArchitecture: "64-bit",
    physicalProcessor: spec.architecture === "arm64" ? "AWS Graviton2 Processor" : "Intel Xeon Platinum 8175",
    operatingSystem: "Linux",
    tenancy: "Shared",
    preInstalledSw: "NA",
    licenseModel: "No License required",
    capacitystatus: "Used",
    usagetype: `${prefix}BoxUsage:${p.key}`,
    operation: "RunInstances",
  };
}

type ProductBase = Omit<Product, "price">;

function product(
  serviceCode: string,
  productFamily: string,
  sku: string,
  attributes: Record<string, string>,
): ProductBase {
  return { serviceCode, productFamily, sku, attributes };
}

function rdsProducts(p: Price, productFamily: string, attributes: Record<string, string>): ProductBase[] {
  return ENGINES.map((engine) =>
    product("AmazonRDS", productFamily, p.sku + engine.skuSuffix, {
      ...attributes,
      databaseEngine: engine.name,
      deploymentOption: p.deployment === "multi-az" ? "Multi-AZ" : "Single-AZ",
      operation: engine.name === "MySQL" ? "CreateDBInstance:0002" : "CreateDBInstance:0014",
    }),
  );
}

function productsOf(p: Price): ProductBase[] {
  const prefix = usageTypePrefix(p.region);
  const multiAz = p.deployment === "multi-az";
  switch (p.kind) {
    case "ec2-instance-hour":
      return [product("AmazonEC2", "Compute Instance", p.sku, ec2InstanceAttributes(p, prefix))];
    case "ebs-gb-month":
      return [
        product("AmazonEC2", "Storage", p.sku, {
          volumeApiName: p.key,
          storageMedia: p.key.startsWith("st") ? "HDD-backed" : "SSD-backed",
          usagetype: `${prefix}EBS:VolumeUsage${p.key === "gp2" ? "" : `.${p.key}`}`,
        }),
      ];
    case "nat-hour":
    case "nat-gb":
      return [
        product("AmazonEC2", "NAT Gateway", p.sku, {
          group: "NGW:NatGateway",
          usagetype: `${prefix}NatGateway-${p.kind === "nat-hour" ? "Hours" : "Bytes"}`,
          operation: "NatGateway",
        }),
      ];
    case "endpoint-hour":
    case "endpoint-gb":
      return [
        product("AmazonVPC", "VpcEndpoint", p.sku, {
          endpointType: "PrivateLink",
          group: "VpcEndpoint",
          usagetype: `${prefix}VpcEndpoint-${p.kind === "endpoint-hour" ? "Hours" : "Bytes"}`,
          operation: "VpcEndpoint",
        }),
      ];
    case "rds-instance-hour":
      return rdsProducts(p, "Database Instance", {
        instanceType: p.key,
        licenseModel: "No license required",
        usagetype: `${prefix}${multiAz ? "Multi-AZUsage" : "InstanceUsage"}:${p.key}`,
      });
    case "rds-storage-gb-month":
      return rdsProducts(p, "Database Storage", {
        volumeType: "General Purpose",
        volumeApiName: p.key,
        usagetype: `${prefix}RDS:${multiAz ? "Multi-AZ-" : ""}GP2-Storage`,
      });
  }
}

export function catalogue(prices: readonly Price[]): Product[] {
  return prices.flatMap((price) =>
    productsOf(price).map((p) => ({
      ...p,
      price,
      attributes: {
        servicecode: p.serviceCode,
        location: LOCATIONS[price.region] ?? price.region,
        locationType: "AWS Region",
        regionCode: price.region,
        ...p.attributes,
      },
    })),
  );
}

/** AWS pads prices to ten decimals ("0.3840000000"); the value is unchanged. */
function padded(usd: string): string {
  const [whole, fraction = ""] = usd.split(".");
  return `${whole}.${fraction.padEnd(10, "0")}`;
}

function termCode(seed: string): string {
  return hashString(seed).toString(36).toUpperCase().padStart(10, "J").slice(0, 10);
}

/** The Price List document of one product, as the JSON string GetProducts puts in PriceList. */
export function priceListDocument(product: Product): string {
  const { price, sku } = product;
  const offerTermCode = "JRTCKXETXF"; // AWS's code for the OnDemand offer term
  const rateCode = `${sku}.${offerTermCode}.${termCode(`${sku}:rate`)}`;
  const effective = `${price.effectiveDate}T00:00:00Z`;
  const usage = product.attributes.usagetype ?? price.kind;
  return JSON.stringify({
    product: { productFamily: product.productFamily, attributes: product.attributes, sku },
    serviceCode: product.serviceCode,
    terms: {
      OnDemand: {
        [`${sku}.${offerTermCode}`]: {
          priceDimensions: {
            [rateCode]: {
              unit: price.unit,
              endRange: "Inf",
              description: `$${price.usdPerUnit} per ${price.unit} for ${usage} in ${product.attributes.location}`,
              appliesTo: [],
              rateCode,
              beginRange: "0",
              pricePerUnit: { USD: padded(price.usdPerUnit) },
            },
          },
          sku,
          effectiveDate: effective,
          offerTermCode,
          termAttributes: {},
        },
      },
    },
    version: price.effectiveDate.replaceAll("-", "") + "000000",
    publicationDate: effective,
  });
}
