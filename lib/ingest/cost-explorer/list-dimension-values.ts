// GetDimensionValues through every page: the distinct values of one dimension in a window, each checked
// against the shape the caller expects.
import {
  CostExplorerClient,
  DataUnavailableException,
  GetDimensionValuesCommand,
  type Dimension,
  type Expression,
} from "@aws-sdk/client-cost-explorer";
import type { z } from "zod";
import { AwsCallError } from "../../aws/call-aws";
import { parsePayload } from "../../aws/parse-payload";
import type { JobWindow } from "../../jobs/job-definition";
import { dimensionValuesPage } from "./cost-explorer-payloads";

export interface DimensionQuery {
  dimension: Dimension;
  value: z.ZodType<string>;
  /** Cost Explorer keeps the values containing this text */
  searchString?: string;
  filter?: Expression;
  /** a window Cost Explorer has no data for (before the organisation's first bill) has no values, rather
   * than failing the run; off where an empty answer would be mistaken for "nothing to keep" */
  unavailableMeansNone?: boolean;
}

export interface DimensionValue {
  value: string;
  attributes: Record<string, string>;
}

export async function listDimensionValues(
  client: CostExplorerClient,
  window: JobWindow,
  query: DimensionQuery,
  signal?: AbortSignal,
): Promise<DimensionValue[]> {
  const schema = dimensionValuesPage(query.value);
  const values: DimensionValue[] = [];
  let nextPageToken: string | undefined;
  do {
    let response: unknown;
    try {
      response = await client.send(
        new GetDimensionValuesCommand({
          TimePeriod: { Start: window.from, End: window.to },
          Dimension: query.dimension,
          SearchString: query.searchString,
          Filter: query.filter,
          NextPageToken: nextPageToken,
        }),
        { abortSignal: signal },
      );
    } catch (error) {
      if (query.unavailableMeansNone && error instanceof DataUnavailableException) return values;
      throw new AwsCallError("Cost Explorer", "GetDimensionValues", error);
    }
    const page = parsePayload(schema, response, "Cost Explorer", "GetDimensionValues");
    for (const entry of page.DimensionValues) values.push({ value: entry.Value, attributes: entry.Attributes ?? {} });
    nextPageToken = page.NextPageToken;
  } while (nextPageToken);
  return values;
}
