// GetDimensionValues: the distinct values of one dimension in a period (accounts carry their names).
import type { CostSource } from "../../../org/cost-sources";
import type { Organisation } from "../../../org/model";
import { invalid, optionalInteger, optionalString, requiredString, type Json } from "./input";
import { dimensionValue, fixedDimensionValue, parseDimension } from "./line-dimensions";
import { decodePageToken, encodePageToken } from "./page-token";
import { pageOf, scanPeriod } from "./period-scan";

export function getDimensionValues(input: Json, org: Organisation): Json {
  const dimension = parseDimension(requiredString(input, "Dimension"));
  const context = optionalString(input, "Context") ?? "COST_AND_USAGE";
  if (context !== "COST_AND_USAGE") throw invalid(`Context ${context} is not supported for this dimension`);
  const search = optionalString(input, "SearchString")?.toLowerCase();
  const maxResults = optionalInteger(input, "MaxResults", 1, 10_000) ?? 1000;
  const accountNames = new Map(org.accounts.map((a) => [a.id, a.name]));
  const describe = (value: string) =>
    dimension === "LINKED_ACCOUNT" ? { description: accountNames.get(value) ?? "" } : {};
  const searched = (v: string): boolean =>
    !search || v.toLowerCase().includes(search) || describe(v).description?.toLowerCase().includes(search) === true;
  const values = new Set<string>();
  // A source whose value is fixed needs pricing only while that value is listable and not yet found
  // (whether it bills on some day of the period is all the pricing tells).
  const needed = (source: CostSource) => {
    const fixed = fixedDimensionValue(source, dimension);
    return fixed === undefined || (!values.has(fixed) && searched(fixed));
  };
  scanPeriod(input, org, (line) => values.add(dimensionValue(line, dimension)), needed);
  const matching = [...values].filter(searched).sort();
  const { page, next } = pageOf(matching, decodePageToken(input), maxResults);
  return {
    DimensionValues: page.map((value) => ({ Value: value, Attributes: describe(value) })),
    ReturnSize: page.length,
    TotalSize: matching.length,
    ...(next !== undefined ? { NextPageToken: encodePageToken(input, next) } : {}),
  };
}
