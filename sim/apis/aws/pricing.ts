// AWS Price List (AWS JSON 1.1, `X-Amz-Target: AWSPriceListService.<Op>`): the organisation's price table,
// which CostLens reads to price its recommendations. Prices are global: the request's region is ignored.
import { jsonOperation, jsonResponse, parseJsonBody, renderJsonError } from "../../protocols/aws-json";
import { SimError, type AwsApi } from "../../server/types";
import { describeServices, getProducts } from "./pricing/get-products";

const CONTENT_TYPE = "application/x-amz-json-1.1";

const pricing: AwsApi = {
  signingName: "pricing",
  name: "pricing",
  operation: (req) => jsonOperation(req, "AWSPriceListService"),
  handle(operation, req, ctx) {
    const body = parseJsonBody(req);
    if (operation === "GetProducts") return jsonResponse(getProducts(body, ctx.org), CONTENT_TYPE);
    if (operation === "DescribeServices") return jsonResponse(describeServices(body, ctx.org), CONTENT_TYPE);
    throw new SimError("UnknownOperationException", `The operation ${operation} is not supported.`);
  },
  renderError: (error) => renderJsonError(error, CONTENT_TYPE, { throttlingCode: "ThrottlingException" }),
};

export default pricing;
