// The parts of the Price List API's answers that CostLens stores, as zod schemas. GetProducts returns each
// product as a JSON document in a string (the SDK may wrap it in an object whose String() is the JSON), so
// a page is parsed in two steps: the page, then every document, and a bad document is named by its index.
import { z } from "zod";

export const usdAmount = z.string().regex(/^\d+(\.\d+)?$/, "expected a decimal USD amount");
const isoTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, "expected an ISO date");

const priceDimension = z.object({
  unit: z.string().min(1),
  beginRange: z.string().optional(),
  pricePerUnit: z.object({ USD: usdAmount }),
});

const onDemandTerm = z.object({
  effectiveDate: isoTimestamp,
  priceDimensions: z.record(z.string(), priceDimension),
});

export const priceListDocument = z.object({
  product: z.object({
    sku: z.string().min(1),
    productFamily: z.string().optional(),
    attributes: z.record(z.string(), z.string()),
  }),
  terms: z.object({ OnDemand: z.record(z.string(), onDemandTerm).optional() }).default({}),
});

export type PriceListDocument = z.infer<typeof priceListDocument>;

const jsonDocument = z
  .unknown()
  .transform((entry) => String(entry))
  .transform((text, context): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      context.addIssue({ code: "custom", message: "expected a JSON price list document" });
      return z.NEVER;
    }
  })
  .pipe(priceListDocument);

export const getProductsPage = z.object({
  NextToken: z.string().optional(),
  PriceList: z.array(jsonDocument).default([]),
});
