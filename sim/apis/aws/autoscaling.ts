// Auto Scaling (AWS query protocol, XML, API version 2011-01-01): group membership and warm pools.
import { regionOf } from "../../protocols/credential-scope";
import { QueryParams, queryAction, renderQueryError } from "../../protocols/aws-query";
import { SimError, type AwsApi } from "../../server/types";
import { AUTOSCALING_NAMESPACE, describeAutoScalingGroups, describeWarmPool } from "./autoscaling/groups";

const autoscaling: AwsApi = {
  signingName: "autoscaling",
  name: "autoscaling",
  operation: (req) => queryAction(req, "2011-01-01"),
  handle(operation, req, ctx) {
    const params = QueryParams.fromRequest(req);
    const region = regionOf(req, ctx.org);
    if (operation === "DescribeAutoScalingGroups") return describeAutoScalingGroups(params, ctx.org, region);
    if (operation === "DescribeWarmPool") return describeWarmPool(params, ctx.org, region);
    throw new SimError("InvalidAction", `The action ${operation} is not valid for this web service.`);
  },
  renderError: (error) => renderQueryError(error, AUTOSCALING_NAMESPACE),
};

export default autoscaling;
