// Runs one planned Cost Explorer request through every page and returns its rows.
import { CostExplorerClient, DataUnavailableException, GetCostAndUsageCommand } from "@aws-sdk/client-cost-explorer";
import { AwsCallError } from "../../aws/call-aws";
import { parsePayload } from "../../aws/parse-payload";
import { costAndUsagePage } from "./cost-explorer-payloads";
import { COST_CENTRE_TAG, TEAM_TAG, tagValue, type CostRequestPlan } from "./plan-cost-requests";

export interface CostRow {
  day: string;
  accountId: string;
  service: string;
  teamTag: string;
  costCentreTag: string;
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
      // Cost Explorer has no data for this account and window (e.g. before the account existed).
      if (error instanceof DataUnavailableException) return rows;
      throw new AwsCallError("Cost Explorer", "GetCostAndUsage", error);
    }
    const page = parsePayload(costAndUsagePage, response, "Cost Explorer", "GetCostAndUsage");
    for (const result of page.ResultsByTime) {
      for (const group of result.Groups) {
        const [service, tagKey] = group.Keys as [string, string];
        const row = {
          day: result.TimePeriod.Start,
          accountId: plan.accountId,
          service,
          unblendedCost: group.Metrics.UnblendedCost.Amount,
          amortizedCost: group.Metrics.AmortizedCost.Amount,
          estimated: result.Estimated ?? false,
        };
        if (plan.kind === "by-team") {
          const team = tagValue(tagKey, TEAM_TAG);
          // Untagged spend comes from the second request, split by cost-centre: keep only tagged rows here.
          if (team) rows.push({ ...row, teamTag: team, costCentreTag: "" });
        } else {
          rows.push({ ...row, teamTag: "", costCentreTag: tagValue(tagKey, COST_CENTRE_TAG) });
        }
      }
    }
    nextPageToken = page.NextPageToken;
  } while (nextPageToken);
  return rows;
}
