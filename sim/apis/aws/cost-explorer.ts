// Cost Explorer (AWS JSON 1.1, `X-Amz-Target: AWSInsightsIndexService.<Operation>`), served from the
// organisation's priced inventory (sim/org/costs.ts). Amounts are exact decimal strings of micro-dollars.
import { jsonOperation, jsonResponse, parseJsonBody, renderJsonError } from "../../protocols/aws-json";
import type { Organisation } from "../../org/model";
import { SimError, type AwsApi } from "../../server/types";
import { getCostAndUsage } from "./cost-explorer/get-cost-and-usage";
import { getCostForecast } from "./cost-explorer/get-cost-forecast";
import { getDimensionValues } from "./cost-explorer/get-dimension-values";
import { getRightsizingRecommendation } from "./cost-explorer/get-rightsizing-recommendation";
import { getTags } from "./cost-explorer/get-tags";
import type { Json } from "./cost-explorer/input";

const CONTENT_TYPE = "application/x-amz-json-1.1";

const OPERATIONS: Record<string, (input: Json, org: Organisation) => Json> = {
  GetCostAndUsage: getCostAndUsage,
  GetDimensionValues: getDimensionValues,
  GetTags: getTags,
  GetCostForecast: getCostForecast,
  GetRightsizingRecommendation: getRightsizingRecommendation,
};

const costExplorer: AwsApi = {
  signingName: "ce",
  name: "costexplorer",
  operation: (req) => jsonOperation(req, "AWSInsightsIndexService"),
  handle(operation, req, ctx) {
    const run = OPERATIONS[operation];
    if (!run) throw new SimError("UnknownOperationException", `Operation ${operation} is not supported by the sandbox`);
    return jsonResponse(run(parseJsonBody(req), ctx.org), CONTENT_TYPE);
  },
  renderError: (error) => renderJsonError(error, CONTENT_TYPE),
};

export default costExplorer;
