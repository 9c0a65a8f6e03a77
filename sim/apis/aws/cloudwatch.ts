// CloudWatch. The installed @aws-sdk/client-cloudwatch speaks AWS JSON 1.0 (`X-Amz-Target:
// GraniteServiceVersion20100801.<Op>`, see its runtimeConfig.shared.js) in query-compatible mode, so
// errors also carry `x-amzn-query-error` with the query-era code. Recheck that file when upgrading.
import { jsonOperation, jsonResponse, parseJsonBody, renderJsonError } from "../../protocols/aws-json";
import { regionOf } from "../../protocols/credential-scope";
import { SimError, type AwsApi } from "../../server/types";
import { getMetricData } from "./cloudwatch/get-metric-data";
import { listMetrics } from "./cloudwatch/list-metrics";

const CONTENT_TYPE = "application/x-amz-json-1.0";

const cloudwatch: AwsApi = {
  signingName: "monitoring",
  name: "cloudwatch",
  operation: (req) => jsonOperation(req, "GraniteServiceVersion20100801"),
  handle(operation, req, ctx) {
    const body = parseJsonBody(req);
    const region = regionOf(req, ctx.org);
    if (operation === "GetMetricData") return jsonResponse(getMetricData(body, ctx.org, region), CONTENT_TYPE);
    if (operation === "ListMetrics") return jsonResponse(listMetrics(body, ctx.org, region), CONTENT_TYPE);
    throw new SimError("InvalidAction", `The action ${operation} is not valid for this web service.`);
  },
  renderError: (error) => renderJsonError(error, CONTENT_TYPE, { queryCompatible: true, throttlingCode: "Throttling" }),
};

export default cloudwatch;
