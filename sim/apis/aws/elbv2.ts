// Elastic Load Balancing v2 (AWS query protocol, XML, API version 2015-12-01): target groups and the
// health of their targets.
import { regionOf } from "../../protocols/credential-scope";
import { QueryParams, queryAction, renderQueryError } from "../../protocols/aws-query";
import { SimError, type AwsApi } from "../../server/types";
import { describeTargetGroups, describeTargetHealth, ELBV2_NAMESPACE } from "./elbv2/target-groups";

const elbv2: AwsApi = {
  signingName: "elasticloadbalancing",
  name: "elbv2",
  operation: (req) => queryAction(req, "2015-12-01"),
  handle(operation, req, ctx) {
    const params = QueryParams.fromRequest(req);
    const region = regionOf(req, ctx.org);
    if (operation === "DescribeTargetGroups") return describeTargetGroups(params, ctx.org, region);
    if (operation === "DescribeTargetHealth") return describeTargetHealth(params, ctx.org, region);
    throw new SimError("InvalidAction", `The action ${operation} is not valid for this web service.`);
  },
  renderError: (error) => renderQueryError(error, ELBV2_NAMESPACE),
};

export default elbv2;
