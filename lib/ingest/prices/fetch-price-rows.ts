// Runs one planned GetProducts request through every page and reads the prices CostLens keeps.
import { GetProductsCommand, PricingClient } from "@aws-sdk/client-pricing";
import { callAws } from "../../aws/call-aws";
import { parsePayload } from "../../aws/parse-payload";
import { getProductsPage } from "./price-list-payloads";
import type { PriceRequest } from "./plan-price-requests";
import { readPriceDocument, type PriceRow } from "./read-price-document";

export async function fetchPriceRows(client: PricingClient, request: PriceRequest, signal?: AbortSignal) {
  const rows: PriceRow[] = [];
  let nextToken: string | undefined;
  do {
    const response = await callAws("Price List", "GetProducts", () =>
      client.send(
        new GetProductsCommand({
          ServiceCode: request.serviceCode,
          Filters: request.filters,
          FormatVersion: "aws_v1",
          MaxResults: 100,
          NextToken: nextToken,
        }),
        { abortSignal: signal },
      ),
    );
    const page = parsePayload(getProductsPage, response, "Price List", "GetProducts");
    for (const document of page.PriceList) rows.push(...readPriceDocument(document, request.region, request.classify));
    nextToken = page.NextToken;
  } while (nextToken);
  return rows;
}
