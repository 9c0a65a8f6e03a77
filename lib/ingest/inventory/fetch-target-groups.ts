// Target groups and, for each, the targets registered in it: the membership a zombie detector checks.
import {
  DescribeTargetHealthCommand,
  type ElasticLoadBalancingV2Client,
  paginateDescribeTargetGroups,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { callOnce, collectPages } from "./collect-pages";
import {
  describeTargetGroupsPage,
  describeTargetHealthPage,
  type TargetGroupPayload,
  type TargetHealthPayload,
} from "./elbv2-payloads";

export interface TargetGroupWithTargets {
  group: TargetGroupPayload;
  targets: TargetHealthPayload[];
}

export async function fetchTargetGroups(
  client: ElasticLoadBalancingV2Client,
  signal?: AbortSignal,
): Promise<TargetGroupWithTargets[]> {
  const pages = await collectPages(
    { api: "ELBv2", operation: "DescribeTargetGroups" },
    paginateDescribeTargetGroups({ client, pageSize: 400 }, {}, { abortSignal: signal }),
    describeTargetGroupsPage,
    signal,
  );
  const result: TargetGroupWithTargets[] = [];
  for (const group of pages.flatMap((page) => page.TargetGroups)) {
    const health = await callOnce(
      { api: "ELBv2", operation: "DescribeTargetHealth" },
      () =>
        client.send(new DescribeTargetHealthCommand({ TargetGroupArn: group.TargetGroupArn }), { abortSignal: signal }),
      describeTargetHealthPage,
      signal,
    );
    result.push({ group, targets: health.TargetHealthDescriptions });
  }
  return result;
}
