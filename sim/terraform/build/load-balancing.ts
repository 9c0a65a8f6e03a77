// Target groups of the load balancers: detectors must see that an idle-looking instance serves traffic.
import type { TargetGroup } from "../../org/model";
import { attr, blank, block } from "../hcl/render";
import { str } from "../hcl/syntax";
import type { VpcRefs } from "./network";
import { type RootBuilder, stateInstance } from "./root-builder";

export function addTargetGroup(root: RootBuilder, group: TargetGroup, refs: Map<string, VpcRefs>): void {
  const config = root.provider(group.accountId, group.region);
  const name = root.uniqueName("aws_lb_target_group", group.name);
  const vpc = refs.get(group.vpcId);
  root.add(
    "load-balancing.tf",
    block(`resource "aws_lb_target_group" ${str(name)}`, [
      ...(config.alias ? [...root.providerAttr(config), blank] : []),
      attr("name", str(group.name)),
      attr("port", "8080"),
      attr("protocol", str("HTTP")),
      attr("vpc_id", vpc ? `module.${vpc.module}.vpc_id` : str(group.vpcId)),
      blank,
      block("health_check", [attr("path", str("/healthz")), attr("matcher", str("200-299")), attr("interval", "15")]),
    ]),
  );
  root.addState(config, { type: "aws_lb_target_group", name }, [
    stateInstance({
      id: group.arn,
      arn: group.arn,
      name: group.name,
      port: 8080,
      protocol: "HTTP",
      vpc_id: group.vpcId,
    }),
  ]);
}
