// Contract tests for the Price List API with the official @aws-sdk/client-pricing: PriceList entries are
// JSON strings in AWS's shape, filters select the organisation's prices exactly, NextToken pages.
import {
  DescribeServicesCommand,
  GetProductsCommand,
  paginateGetProducts,
  PricingClient,
} from "@aws-sdk/client-pricing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Organisation } from "../../sim/org/model";
import { startSandbox, type RunningSandbox } from "../../sim/server/start-sandbox";
import { clientConfig } from "./fixtures/aws-sandbox";

let sandbox: RunningSandbox;
let org: Organisation;
let pricing: PricingClient;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 42, scale: 1, today: "2026-11-20" });
  org = sandbox.ctx.org;
  pricing = new PricingClient(clientConfig(sandbox.url));
});
afterAll(async () => {
  pricing.destroy();
  await sandbox.close();
});

interface PriceDocument {
  product: { productFamily: string; sku: string; attributes: Record<string, string> };
  terms: {
    OnDemand: Record<string, { priceDimensions: Record<string, { unit: string; pricePerUnit: { USD: string } }> }>;
  };
}

function onDemandUsd(document: PriceDocument): { usd: string; unit: string } {
  const term = Object.values(document.terms.OnDemand)[0];
  const dimension = Object.values(term?.priceDimensions ?? {})[0];
  return { usd: dimension?.pricePerUnit.USD ?? "", unit: dimension?.unit ?? "" };
}

describe("GetProducts", () => {
  it("serves an instance-hour price in the Price List shape", async () => {
    const out = await pricing.send(
      new GetProductsCommand({
        ServiceCode: "AmazonEC2",
        Filters: [
          { Type: "TERM_MATCH", Field: "instanceType", Value: "m5.2xlarge" },
          { Type: "TERM_MATCH", Field: "regionCode", Value: "us-east-1" },
          { Type: "TERM_MATCH", Field: "operatingSystem", Value: "Linux" },
          { Type: "TERM_MATCH", Field: "tenancy", Value: "Shared" },
          { Type: "TERM_MATCH", Field: "capacitystatus", Value: "Used" },
          { Type: "TERM_MATCH", Field: "preInstalledSw", Value: "NA" },
        ],
      }),
    );
    expect(out.PriceList).toHaveLength(1);
    // The SDK wraps each JSON string in a lazy string object; its text is the Price List document.
    expect(String(out.PriceList?.[0])).toMatch(/^\{"product":/);
    const document = JSON.parse(String(out.PriceList?.[0])) as PriceDocument;
    expect(document.product.attributes.location).toBe("US East (N. Virginia)");
    const model = org.prices.find(
      (p) => p.kind === "ec2-instance-hour" && p.key === "m5.2xlarge" && p.region === "us-east-1",
    );
    const { usd, unit } = onDemandUsd(document);
    expect(Number(usd)).toBe(Number(model?.usdPerUnit));
    expect(unit).toBe("Hrs");
  });

  it("finds volume, NAT, endpoint and RDS prices by their usual filters", async () => {
    const count = async (serviceCode: string, filters: [string, string][]) =>
      (
        await pricing.send(
          new GetProductsCommand({
            ServiceCode: serviceCode,
            Filters: filters.map(([Field, Value]) => ({ Type: "TERM_MATCH", Field, Value })),
          }),
        )
      ).PriceList?.length;
    expect(
      await count("AmazonEC2", [
        ["volumeApiName", "gp3"],
        ["regionCode", "us-east-1"],
      ]),
    ).toBe(1);
    expect(
      await count("AmazonEC2", [
        ["productFamily", "NAT Gateway"],
        ["regionCode", "us-west-2"],
      ]),
    ).toBe(2);
    expect(await count("AmazonEC2", [["usagetype", "NatGateway-Bytes"]])).toBe(1);
    expect(
      await count("AmazonVPC", [
        ["productFamily", "VpcEndpoint"],
        ["regionCode", "us-east-1"],
      ]),
    ).toBe(2);
    expect(
      await count("AmazonRDS", [
        ["instanceType", "db.r5.xlarge"],
        ["databaseEngine", "PostgreSQL"],
        ["deploymentOption", "Multi-AZ"],
        ["regionCode", "us-east-1"],
      ]),
    ).toBe(1);
  });

  it("pages through a service's products with NextToken", async () => {
    const skus: string[] = [];
    let pages = 0;
    for await (const page of paginateGetProducts({ client: pricing, pageSize: 7 }, { ServiceCode: "AmazonEC2" })) {
      pages++;
      for (const entry of page.PriceList ?? []) skus.push((JSON.parse(String(entry)) as PriceDocument).product.sku);
    }
    const ec2Kinds = new Set(["ec2-instance-hour", "ebs-gb-month", "nat-hour", "nat-gb"]);
    const expected = org.prices.filter((p) => ec2Kinds.has(p.kind)).map((p) => p.sku);
    expect(pages).toBe(Math.ceil(expected.length / 7));
    expect(skus.sort()).toEqual(expected.sort());
  });

  it("refuses unknown services and bad tokens", async () => {
    await expect(pricing.send(new GetProductsCommand({ ServiceCode: "AmazonNope" }))).rejects.toMatchObject({
      name: "NotFoundException",
    });
    await expect(
      pricing.send(new GetProductsCommand({ ServiceCode: "AmazonEC2", NextToken: "garbage" })),
    ).rejects.toMatchObject({
      name: "InvalidNextTokenException",
    });
  });

  it("describes the services and their attributes", async () => {
    const out = await pricing.send(new DescribeServicesCommand({}));
    expect(out.Services?.map((s) => s.ServiceCode)).toEqual(["AmazonEC2", "AmazonRDS", "AmazonVPC"]);
    expect(out.Services?.[0]?.AttributeNames).toContain("instanceType");
  });
});
