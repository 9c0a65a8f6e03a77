import { CostExplorerClient, GetDimensionValuesCommand } from "@aws-sdk/client-cost-explorer";
import { callAws } from "../../aws/call-aws";
import { parsePayload } from "../../aws/parse-payload";
import type { JobWindow } from "../../jobs/job-definition";
import { dimensionValuesPage } from "./cost-explorer-payloads";

export interface LinkedAccount {
  id: string;
  name: string;
}

/** The accounts with spend in a window (the organisation's management account sees them all). */
export async function listLinkedAccounts(client: CostExplorerClient, window: JobWindow, signal?: AbortSignal) {
  const accounts: LinkedAccount[] = [];
  let nextPageToken: string | undefined;
  do {
    const response = await callAws("Cost Explorer", "GetDimensionValues", () =>
      client.send(
        new GetDimensionValuesCommand({
          TimePeriod: { Start: window.from, End: window.to },
          Dimension: "LINKED_ACCOUNT",
          NextPageToken: nextPageToken,
        }),
        { abortSignal: signal },
      ),
    );
    const page = parsePayload(dimensionValuesPage, response, "Cost Explorer", "GetDimensionValues");
    for (const value of page.DimensionValues) {
      accounts.push({ id: value.Value, name: value.Attributes?.description ?? value.Value });
    }
    nextPageToken = page.NextPageToken;
  } while (nextPageToken);
  return accounts;
}
