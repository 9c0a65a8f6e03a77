// RDS (AWS query protocol, XML, API version 2014-10-31): DB instances with their replicas and tags.
import { regionOf } from "../../protocols/credential-scope";
import { QueryParams, queryAction, renderQueryError } from "../../protocols/aws-query";
import { SimError, type AwsApi } from "../../server/types";
import { describeDbInstances, listTagsForResource, RDS_NAMESPACE } from "./rds/describe-db-instances";

const rds: AwsApi = {
  signingName: "rds",
  name: "rds",
  operation: (req) => queryAction(req, "2014-10-31"),
  handle(operation, req, ctx) {
    const params = QueryParams.fromRequest(req);
    const region = regionOf(req, ctx.org);
    if (operation === "DescribeDBInstances") return describeDbInstances(params, ctx.org, region);
    if (operation === "ListTagsForResource") return listTagsForResource(params, ctx.org, region);
    throw new SimError("InvalidAction", `The action ${operation} is not valid for this web service.`);
  },
  renderError: (error) => renderQueryError(error, RDS_NAMESPACE),
};

export default rds;
