import type { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import type { JobWindow } from "../../jobs/job-definition";
import { accountId } from "./cost-explorer-payloads";
import { listDimensionValues } from "./list-dimension-values";

export interface LinkedAccount {
  id: string;
  name: string;
}

/** The accounts with spend in a window (the organisation's management account sees them all). */
export async function listLinkedAccounts(
  client: CostExplorerClient,
  window: JobWindow,
  signal?: AbortSignal,
): Promise<LinkedAccount[]> {
  const values = await listDimensionValues(client, window, { dimension: "LINKED_ACCOUNT", value: accountId }, signal);
  return values.map(({ value, attributes }) => ({ id: value, name: attributes.description ?? value }));
}
