// Runs one planned Cost Explorer request through every page and returns its rows.
import { CostExplorerClient, DataUnavailableException, GetCostAndUsageCommand } from "@aws-sdk/client-cost-explorer";
import { AwsCallError } from "../../aws/call-aws";
import { parsePayload } from "../../aws/parse-payload";
import { costAndUsagePage } from "./cost-explorer-payloads";
import type { CostRequestPlan, CostRowKey } from "./plan-cost-requests";

export interface CostRow extends CostRowKey {
  day: string;
  usageGroup: string;
  unblendedCost: string;
  amortizedCost: string;
  estimated: boolean;
}

export async function fetchCostRows(
  client: CostExplorerClient,
  plan: CostRequestPlan,
  signal?: AbortSignal,
): Promise<CostRow[]> {
  const rows: CostRow[] = [];
  let nextPageToken: string | undefined;
  do {
    let response: unknown;
    try {
      response = await client.send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: plan.window.from, End: plan.window.to },
          Granularity: "DAILY",
          Metrics: ["UnblendedCost", "AmortizedCost"],
          GroupBy: plan.groupBy,
          Filter: plan.filter,
          NextPageToken: nextPageToken,
        }),
        { abortSignal: signal },
      );
    } catch (error) {
      // Cost Explorer has no data for this request's window (e.g. before the account existed).
      if (error instanceof DataUnavailableException) return rows;
      throw new AwsCallError("Cost Explorer", "GetCostAndUsage", error);
    }
    const page = parsePayload(costAndUsagePage, response, "Cost Explorer", "GetCostAndUsage");
    for (const result of page.ResultsByTime) {
      for (const group of result.Groups) {
        const key = plan.keyRow(group.Keys as [string, string]);
        if (!key) continue;
        rows.push({
          ...key,
          day: result.TimePeriod.Start,
          usageGroup: plan.usageGroup,
          unblendedCost: group.Metrics.UnblendedCost.Amount,
          amortizedCost: group.Metrics.AmortizedCost.Amount,
          estimated: result.Estimated ?? false,
        });
      }
    }
    nextPageToken = page.NextPageToken;
  } while (nextPageToken);
  return rows;
}
