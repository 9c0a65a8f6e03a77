import { describe, expect, it } from "vitest";
import { parsePayload } from "@/lib/aws/parse-payload";
import { getProductsPage } from "@/lib/ingest/prices/price-list-payloads";
import { planPriceRequests } from "@/lib/ingest/prices/plan-price-requests";
import { rdsPriceKey } from "@/lib/ingest/prices/price-keys";
import { classifiers, readPriceDocument, type PriceRow } from "@/lib/ingest/prices/read-price-document";
import { uniquePrices } from "@/lib/ingest/prices/upsert-prices";

/** A Price List product document in AWS's shape, with one OnDemand term. */
function document(sku: string, attributes: Record<string, string>, tiers: Array<[string, string]>, unit = "Hrs") {
  const dimensions = Object.fromEntries(
    tiers.map(([beginRange, usd], i) => [
      `${sku}.JRTCKXETXF.${i}`,
      { unit, beginRange, endRange: "Inf", pricePerUnit: { USD: usd }, appliesTo: [], description: "" },
    ]),
  );
  return JSON.stringify({
    product: { productFamily: "x", sku, attributes: { regionCode: "us-east-1", ...attributes } },
    serviceCode: "AmazonEC2",
    terms: {
      OnDemand: {
        [`${sku}.JRTCKXETXF`]: {
          sku,
          offerTermCode: "JRTCKXETXF",
          effectiveDate: "2026-09-01T00:00:00Z",
          priceDimensions: dimensions,
        },
      },
    },
  });
}

const page = (...documents: unknown[]) =>
  parsePayload(getProductsPage, { PriceList: documents }, "Price List", "GetProducts");

describe("Price List documents", () => {
  it("reads an instance-hour price as the exact decimal string, with the term's effective date", () => {
    const [doc] = page(
      document("SKU1", { instanceType: "m5.2xlarge", usagetype: "BoxUsage:m5.2xlarge", operatingSystem: "Linux" }, [
        ["0", "0.3840000000"],
      ]),
    ).PriceList;
    expect(readPriceDocument(doc!, "us-east-1", classifiers.ec2Instance)).toEqual<PriceRow[]>([
      {
        kind: "EC2_INSTANCE_HOUR",
        region: "us-east-1",
        key: "m5.2xlarge",
        unit: "Hrs",
        usdPerUnit: "0.3840000000",
        sku: "SKU1",
        effectiveDate: "2026-09-01",
      },
    ]);
  });

  it("accepts the SDK's wrapper objects, whose String() is the JSON document", () => {
    const json = document("SKU2", { volumeApiName: "gp3" }, [["0", "0.08"]], "GB-Mo");
    const wrapper = { toString: () => json };
    const [doc] = page(wrapper).PriceList;
    expect(readPriceDocument(doc!, "us-east-1", classifiers.ebsVolume)).toMatchObject([
      { kind: "EBS_GB_MONTH", key: "gp3" },
    ]);
  });

  it("names the bad document and field", () => {
    expect(() => page(document("A", {}, [["0", "1"]]), "{not json")).toThrow(
      "Price List GetProducts returned an unexpected payload: PriceList[1]: expected a JSON price list document",
    );
    expect(() => page(document("A", {}, [["0", "one dollar"]]))).toThrow(
      /^Price List GetProducts returned an unexpected payload: PriceList\[0\]\.terms\.OnDemand\.A\.JRTCKXETXF\.priceDimensions\.A\.JRTCKXETXF\.0\.pricePerUnit\.USD: expected a decimal USD amount$/,
    );
  });

  it("tells NAT and endpoint hours from bytes by usage type, in any region, and takes the first tier", () => {
    const docs = page(
      document("N1", { usagetype: "USW2-NatGateway-Hours", regionCode: "us-west-2" }, [["0", "0.045"]]),
      document("N2", { usagetype: "USW2-NatGateway-Bytes", regionCode: "us-west-2" }, [["0", "0.045"]], "GB"),
      document(
        "E1",
        { usagetype: "USW2-VpcEndpoint-Bytes", regionCode: "us-west-2" },
        [
          ["1048576", "0.004"],
          ["0", "0.01"],
        ],
        "GB",
      ),
      document("E2", { usagetype: "USW2-VpcEndpoint-GWLBE-Hours", regionCode: "us-west-2" }, [["0", "0.0035"]]),
    ).PriceList;
    const nat = docs.flatMap((doc) => readPriceDocument(doc, "us-west-2", classifiers.natGateway));
    expect(nat.map((row) => [row.kind, row.key, row.usdPerUnit])).toEqual([
      ["NAT_HOUR", "", "0.045"],
      ["NAT_GB", "", "0.045"],
    ]);
    const endpoint = docs.flatMap((doc) => readPriceDocument(doc, "us-west-2", classifiers.vpcEndpoint));
    expect(endpoint.map((row) => [row.kind, row.usdPerUnit])).toEqual([["ENDPOINT_GB", "0.01"]]);
    // a product of another region is not this region's price
    expect(readPriceDocument(docs[0]!, "us-east-1", classifiers.natGateway)).toEqual([]);
  });

  it("keys RDS prices by class or storage type, engine and deployment", () => {
    const docs = page(
      document(
        "R1",
        {
          instanceType: "db.r5.large",
          databaseEngine: "PostgreSQL",
          deploymentOption: "Multi-AZ",
          usagetype: "Multi-AZUsage:db.r5.large",
        },
        [["0", "0.5"]],
      ),
      document(
        "R2",
        {
          instanceType: "db.r5.large",
          databaseEngine: "Oracle",
          deploymentOption: "Single-AZ",
          usagetype: "InstanceUsage:db.r5.large",
        },
        [["0", "0.9"]],
      ),
      document(
        "R3",
        {
          instanceType: "db.r5.large",
          databaseEngine: "Aurora PostgreSQL",
          deploymentOption: "Single-AZ",
          usagetype: "InstanceUsageIOOptimized:db.r5.large",
        },
        [["0", "0.3"]],
      ),
      document(
        "S1",
        {
          volumeType: "General Purpose",
          databaseEngine: "MySQL",
          deploymentOption: "Single-AZ",
          usagetype: "RDS:GP2-Storage",
        },
        [["0", "0.115"]],
        "GB-Mo",
      ),
    ).PriceList;
    expect(
      docs.flatMap((doc) => readPriceDocument(doc, "us-east-1", classifiers.rdsInstance)).map((r) => r.key),
    ).toEqual(["db.r5.large|postgres|multi-az"]);
    expect(
      docs.flatMap((doc) => readPriceDocument(doc, "us-east-1", classifiers.rdsStorage)).map((r) => r.key),
    ).toEqual(["gp2|mysql|single-az"]);
    expect(rdsPriceKey("db.r5.large", "postgres", true)).toBe("db.r5.large|postgres|multi-az");
  });

  it("keeps one price per natural key, the lowest SKU", () => {
    const row = (sku: string, usd: string): PriceRow => ({
      kind: "NAT_HOUR",
      region: "us-east-1",
      key: "",
      unit: "Hrs",
      usdPerUnit: usd,
      sku,
      effectiveDate: "2026-09-01",
    });
    expect(
      uniquePrices([row("B", "2"), row("A", "1"), { ...row("C", "3"), effectiveDate: "2026-10-01" }]).map((r) => r.sku),
    ).toEqual(["A", "C"]);
  });
});

describe("Price List requests", () => {
  it("asks once per kind of price, narrowed to the types in use and the region's code", () => {
    const requests = planPriceRequests({
      region: "eu-west-1",
      instanceTypes: ["m5.large", "c5.xlarge"],
      volumeTypes: ["gp3"],
      dbClasses: ["db.r5.large"],
    });
    expect(requests.map((r) => [r.serviceCode, r.label])).toEqual([
      ["AmazonEC2", "EC2 instance hours in eu-west-1"],
      ["AmazonEC2", "EBS volume GB-months in eu-west-1"],
      ["AmazonRDS", "RDS instance hours in eu-west-1"],
      ["AmazonRDS", "RDS storage GB-months in eu-west-1"],
      ["AmazonEC2", "NAT gateway hours and GB in eu-west-1"],
      ["AmazonVPC", "VPC endpoint hours and GB in eu-west-1"],
    ]);
    expect(requests[0]!.filters).toEqual(
      expect.arrayContaining([
        { Type: "TERM_MATCH", Field: "regionCode", Value: "eu-west-1" },
        { Type: "ANY_OF", Field: "instanceType", Value: "c5.xlarge,m5.large" },
        { Type: "TERM_MATCH", Field: "operatingSystem", Value: "Linux" },
      ]),
    );
    expect(requests.every((r) => r.filters.some((f) => f.Field === "regionCode" && f.Value === "eu-west-1"))).toBe(
      true,
    );
  });

  it("asks only for NAT and endpoint prices in a region with no priced types", () => {
    const requests = planPriceRequests({ region: "us-west-2", instanceTypes: [], volumeTypes: [], dbClasses: [] });
    expect(requests.map((r) => r.label)).toEqual([
      "NAT gateway hours and GB in us-west-2",
      "VPC endpoint hours and GB in us-west-2",
    ]);
  });
});
