// EC2 (EC2 query protocol, XML, API version 2016-11-15): the inventory calls CostLens ingests. Every
// answer is regional: the region comes from the request's SigV4 credential scope.
import { regionOf } from "../../protocols/credential-scope";
import { QueryParams, queryAction, renderEc2Error } from "../../protocols/aws-query";
import { SimError, type AwsApi, type SimContext, type SimResponse } from "../../server/types";
import { describeInstanceTypes } from "./ec2/describe-instance-types";
import { describeInstances } from "./ec2/describe-instances";
import { describeNatGateways } from "./ec2/describe-nat-gateways";
import { describeRouteTables } from "./ec2/describe-route-tables";
import { describeVolumes } from "./ec2/describe-volumes";
import { describeVpcEndpoints } from "./ec2/describe-vpc-endpoints";
import { describeSubnets, describeVpcs } from "./ec2/describe-vpcs";

type Handler = (params: QueryParams, ctx: SimContext, region: string) => SimResponse;

const OPERATIONS: Record<string, Handler> = {
  DescribeInstances: (p, ctx, region) => describeInstances(p, ctx.org, region),
  DescribeVolumes: (p, ctx, region) => describeVolumes(p, ctx.org, region),
  DescribeNatGateways: (p, ctx, region) => describeNatGateways(p, ctx.org, region),
  DescribeVpcEndpoints: (p, ctx, region) => describeVpcEndpoints(p, ctx.org, region),
  DescribeVpcs: (p, ctx, region) => describeVpcs(p, ctx.org, region),
  DescribeSubnets: (p, ctx, region) => describeSubnets(p, ctx.org, region),
  DescribeRouteTables: (p, ctx, region) => describeRouteTables(p, ctx.org, region),
  DescribeInstanceTypes: (p) => describeInstanceTypes(p),
};

const ec2: AwsApi = {
  signingName: "ec2",
  name: "ec2",
  operation: (req) => queryAction(req, "2016-11-15"),
  handle(operation, req, ctx) {
    const handler = OPERATIONS[operation];
    if (!handler) throw new SimError("InvalidAction", `The action ${operation} is not valid for this web service.`);
    const params = QueryParams.fromRequest(req);
    // A read-only caller probing its permissions gets EC2's "would have succeeded" answer.
    if (params.bool("DryRun")) {
      throw new SimError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
    }
    return handler(params, ctx, regionOf(req, ctx.org));
  },
  renderError: (error) => renderEc2Error(error),
};

export default ec2;
