// GetProducts and DescribeServices. Filters AND together; TERM_MATCH and EQUALS compare exactly (ignoring
// case, as AWS does), CONTAINS by substring, ANY_OF / NONE_OF against a comma-separated list. A field is
// an attribute name, or productFamily / sku. Pages hold 100 products by default (AWS's maximum).
import { z } from "zod";
import type { Organisation, Price } from "../../../org/model";
import { pageOf } from "../../../protocols/paging";
import { SimError } from "../../../server/types";
import { catalogue, priceListDocument, type Product } from "./products";

const filter = z.object({
  Type: z.enum(["TERM_MATCH", "EQUALS", "CONTAINS", "ANY_OF", "NONE_OF"]),
  Field: z.string().min(1),
  Value: z.string(),
});
const getProductsInput = z.object({
  ServiceCode: z.string().min(1),
  Filters: z.array(filter).max(50).optional(),
  FormatVersion: z.literal("aws_v1").optional(),
  NextToken: z.string().optional(),
  MaxResults: z.number().int().min(1).max(100).optional(),
});
const describeServicesInput = z.object({
  ServiceCode: z.string().optional(),
  FormatVersion: z.literal("aws_v1").optional(),
  NextToken: z.string().optional(),
  MaxResults: z.number().int().min(1).max(100).optional(),
});

function parse<T>(schema: z.ZodType<T>, body: Record<string, unknown>): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new SimError("InvalidParameterException", message);
  }
  return parsed.data;
}

function invalidToken(): SimError {
  return new SimError(
    "InvalidNextTokenException",
    "The pagination token is invalid. Try again without a pagination token.",
  );
}

const catalogues = new WeakMap<readonly Price[], Product[]>();

function productsOf(org: Organisation): Product[] {
  let products = catalogues.get(org.prices);
  if (!products) {
    products = catalogue(org.prices);
    catalogues.set(org.prices, products);
  }
  return products;
}

function fieldValue(product: Product, field: string): string | undefined {
  const lower = field.toLowerCase();
  if (lower === "productfamily") return product.productFamily;
  if (lower === "sku") return product.sku;
  const key = Object.keys(product.attributes).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : product.attributes[key];
}

function matches(product: Product, f: z.infer<typeof filter>): boolean {
  const value = fieldValue(product, f.Field)?.toLowerCase();
  const wanted = f.Value.toLowerCase();
  const list = wanted.split(",").map((v) => v.trim());
  switch (f.Type) {
    case "TERM_MATCH":
    case "EQUALS":
      return value === wanted;
    case "CONTAINS":
      return value !== undefined && value.includes(wanted);
    case "ANY_OF":
      return value !== undefined && list.includes(value);
    case "NONE_OF":
      return value === undefined || !list.includes(value);
  }
}

function serviceCodes(org: Organisation): string[] {
  return [...new Set(productsOf(org).map((p) => p.serviceCode))].sort();
}

export function getProducts(body: Record<string, unknown>, org: Organisation) {
  const input = parse(getProductsInput, body);
  if (!serviceCodes(org).includes(input.ServiceCode)) {
    throw new SimError("NotFoundException", `The requested service ${input.ServiceCode} was not found`);
  }
  const filters = input.Filters ?? [];
  const selected = productsOf(org).filter(
    (p) => p.serviceCode === input.ServiceCode && filters.every((f) => matches(p, f)),
  );
  const { NextToken, MaxResults, ...key } = input;
  const page = pageOf(selected, NextToken, MaxResults ?? 100, JSON.stringify(key), invalidToken());
  return { FormatVersion: "aws_v1", PriceList: page.items.map(priceListDocument), NextToken: page.nextToken };
}

export function describeServices(body: Record<string, unknown>, org: Organisation) {
  const input = parse(describeServicesInput, body);
  const codes = serviceCodes(org).filter((code) => input.ServiceCode === undefined || code === input.ServiceCode);
  if (input.ServiceCode !== undefined && codes.length === 0) {
    throw new SimError("NotFoundException", `The requested service ${input.ServiceCode} was not found`);
  }
  const services = codes.map((code) => ({
    ServiceCode: code,
    AttributeNames: [
      ...new Set(
        productsOf(org)
          .filter((p) => p.serviceCode === code)
          .flatMap((p) => Object.keys(p.attributes)),
      ),
    ].sort(),
  }));
  const { NextToken, MaxResults, ...key } = input;
  const page = pageOf(services, NextToken, MaxResults ?? 100, JSON.stringify(key), invalidToken());
  return { Services: page.items, FormatVersion: "aws_v1", NextToken: page.nextToken };
}
