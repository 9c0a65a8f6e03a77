// DescribeTargetGroups (Marker/PageSize paging, 50 a page by default) and DescribeTargetHealth: what a
// zombie detector checks before calling an idle instance unused. Stopped members are `unused` with
// Target.InvalidState; terminated ones are deregistered and not listed.
import type { Organisation, TargetGroup } from "../../../org/model";
import { isLive } from "../../../org/resource-times";
import { queryResponse, type QueryParams } from "../../../protocols/aws-query";
import { pageOf } from "../../../protocols/paging";
import { xmlList, type XmlTree } from "../../../protocols/xml";
import { SimError, type SimResponse } from "../../../server/types";
import { derivedId } from "../ec2/xml-shapes";

export const ELBV2_NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

function loadBalancerArn(group: TargetGroup): string {
  const hash = derivedId("x", group.arn).slice(2, 18);
  return `arn:aws:elasticloadbalancing:${group.region}:${group.accountId}:loadbalancer/app/${group.name}/${hash}`;
}

function targetGroupXml(group: TargetGroup): XmlTree {
  return {
    TargetGroupArn: group.arn,
    TargetGroupName: group.name,
    Protocol: "HTTP",
    Port: 80,
    VpcId: group.vpcId,
    HealthCheckProtocol: "HTTP",
    HealthCheckPort: "traffic-port",
    HealthCheckEnabled: true,
    HealthCheckIntervalSeconds: 30,
    HealthCheckTimeoutSeconds: 5,
    HealthyThresholdCount: 5,
    UnhealthyThresholdCount: 2,
    HealthCheckPath: "/healthz",
    Matcher: { HttpCode: "200" },
    LoadBalancerArns: xmlList("member", [loadBalancerArn(group)]),
    TargetType: "instance",
    ProtocolVersion: "HTTP1",
    IpAddressType: "ipv4",
  };
}

export function describeTargetGroups(params: QueryParams, org: Organisation, region: string): SimResponse {
  const groups = org.targetGroups.filter((g) => g.region === region);
  const arns = params.list("TargetGroupArns");
  const names = params.list("Names");
  const loadBalancer = params.get("LoadBalancerArn");
  let selected = groups;
  if (arns.length > 0) selected = selected.filter((g) => arns.includes(g.arn));
  if (names.length > 0) selected = selected.filter((g) => names.includes(g.name));
  if (loadBalancer !== undefined) selected = selected.filter((g) => loadBalancerArn(g) === loadBalancer);
  if (selected.length < Math.max(arns.length, names.length)) {
    throw new SimError("TargetGroupNotFound", "One or more target groups not found");
  }
  const pageSize = params.int("PageSize", 1, 400, "ValidationError") ?? 50;
  const invalid = new SimError("ValidationError", "The marker provided is not valid.");
  const page = pageOf(selected, params.get("Marker"), pageSize, params.requestKey(), invalid);
  return queryResponse("DescribeTargetGroups", ELBV2_NAMESPACE, {
    TargetGroups: xmlList("member", page.items.map(targetGroupXml)),
    NextMarker: page.nextToken,
  });
}

export function describeTargetHealth(params: QueryParams, org: Organisation, region: string): SimResponse {
  const arn = params.get("TargetGroupArn");
  if (!arn) {
    const message =
      "1 validation error detected: Value null at 'targetGroupArn' failed to satisfy constraint: Member must not be null";
    throw new SimError("ValidationError", message);
  }
  const group = org.targetGroups.find((g) => g.arn === arn && g.region === region);
  if (!group) throw new SimError("TargetGroupNotFound", `Target groups '${arn}' not found`);
  const registered = org.instances.filter((i) => group.instanceIds.includes(i.id) && isLive(i.goneDay, org.today));
  const asked = params.structs("Targets").map((t) => t.get("Id") ?? "");
  const ids = asked.length > 0 ? asked : registered.map((i) => i.id);
  return queryResponse("DescribeTargetHealth", ELBV2_NAMESPACE, {
    TargetHealthDescriptions: xmlList(
      "member",
      ids.map((id) => {
        const instance = registered.find((i) => i.id === id);
        const health = !instance
          ? {
              State: "unused",
              Reason: "Target.NotRegistered",
              Description: "Target is not registered to the target group",
            }
          : instance.state === "stopped"
            ? { State: "unused", Reason: "Target.InvalidState", Description: "Target is in the stopped state" }
            : { State: "healthy" };
        return { Target: { Id: id, Port: 80 }, HealthCheckPort: "80", TargetHealth: health };
      }),
    ),
  });
}
