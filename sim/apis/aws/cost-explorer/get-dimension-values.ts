// GetDimensionValues: the distinct values of one dimension in a period (accounts carry their names).
import type { Organisation } from "../../../org/model";
import { invalid, optionalInteger, optionalString, requiredString, type Json } from "./input";
import { dimensionValue, parseDimension } from "./line-dimensions";
import { decodePageToken, encodePageToken } from "./page-token";
import { pageOf, scanPeriod } from "./period-scan";

export function getDimensionValues(input: Json, org: Organisation): Json {
  const dimension = parseDimension(requiredString(input, "Dimension"));
  const context = optionalString(input, "Context") ?? "COST_AND_USAGE";
  if (context !== "COST_AND_USAGE") throw invalid(`Context ${context} is not supported for this dimension`);
  const search = optionalString(input, "SearchString")?.toLowerCase();
  const maxResults = optionalInteger(input, "MaxResults", 1, 10_000) ?? 1000;
  const values = new Set<string>();
  scanPeriod(input, org, (line) => values.add(dimensionValue(line, dimension)));
  const accountNames = new Map(org.accounts.map((a) => [a.id, a.name]));
  const describe = (value: string) =>
    dimension === "LINKED_ACCOUNT" ? { description: accountNames.get(value) ?? "" } : {};
  const matching = [...values]
    .filter(
      (v) => !search || v.toLowerCase().includes(search) || describe(v).description?.toLowerCase().includes(search),
    )
    .sort();
  const { page, next } = pageOf(matching, decodePageToken(input), maxResults);
  return {
    DimensionValues: page.map((value) => ({ Value: value, Attributes: describe(value) })),
    ReturnSize: page.length,
    TotalSize: matching.length,
    ...(next !== undefined ? { NextPageToken: encodePageToken(input, next) } : {}),
  };
}
