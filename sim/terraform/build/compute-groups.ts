// EKS clusters with their managed node groups, and the auto-scaling groups that are not EKS node groups.
// Their instances are not declared one by one: the group owns them.
import type { AutoScalingGroup, EksCluster, Organisation } from "../../org/model";
import { attr, blank, block, comment, multi } from "../hcl/render";
import { hexOf } from "../hash";
import { key, str, strList, tagLines } from "../hcl/syntax";
import type { VpcRefs } from "./network";
import { type RootBuilder, isLive, stateInstance } from "./root-builder";

export function addCluster(root: RootBuilder, cluster: EksCluster, refs: Map<string, VpcRefs>): void {
  const org = root.org;
  const config = root.provider(cluster.accountId, cluster.region);
  const name = root.uniqueName("aws_eks_cluster", cluster.name);
  const vpc = refs.get(cluster.vpcId);
  const subnetIds = org.subnets.filter((s) => s.vpcId === cluster.vpcId && s.isPrivate).map((s) => s.id);
  const subnetExpr = vpc ? `values(module.${vpc.module}.private_subnet_ids)` : strList(subnetIds);
  const nodes = cluster.nodeInstanceIds.filter((id) => {
    const node = org.instances.find((i) => i.id === id);
    return node !== undefined && isLive(node, org.today);
  }).length;
  const providerItems = config.alias ? [...root.providerAttr(config), blank] : [];

  root.add(
    "eks.tf",
    block(`resource "aws_eks_cluster" ${str(name)}`, [
      ...providerItems,
      attr("name", str(cluster.name)),
      attr("role_arn", str(`arn:aws:iam::${cluster.accountId}:role/eks-cluster`)),
      attr("version", str("1.29")),
      blank,
      block("vpc_config", [attr("subnet_ids", subnetExpr), attr("endpoint_private_access", "true")]),
      blank,
      multi("tags", tagLines(cluster.tags)),
    ]),
    block(`resource "aws_eks_node_group" ${str(name)}`, [
      ...providerItems,
      attr("cluster_name", `aws_eks_cluster.${name}.name`),
      attr("node_group_name", str(cluster.nodeGroupName)),
      attr("node_role_arn", str(`arn:aws:iam::${cluster.accountId}:role/eks-node`)),
      attr("subnet_ids", subnetExpr),
      attr("instance_types", strList([cluster.nodeInstanceType])),
      attr("capacity_type", str("ON_DEMAND")),
      blank,
      comment("# Sized for peak traffic; nobody has revisited it since launch."),
      block("scaling_config", [
        attr("desired_size", String(nodes)),
        attr("min_size", String(nodes)),
        attr("max_size", String(nodes + 4)),
      ]),
      blank,
      multi("tags", tagLines(cluster.tags)),
    ]),
  );
  root.addState(config, { type: "aws_eks_cluster", name }, [
    stateInstance({
      id: cluster.name,
      name: cluster.name,
      arn: cluster.arn,
      vpc_config: [{ subnet_ids: subnetIds }],
      tags: cluster.tags,
    }),
  ]);
  // EKS names the node group's auto-scaling group; the provider exposes it under `resources`.
  const nodeAsg = org.autoScalingGroups.find((g) => g.instanceIds.some((id) => cluster.nodeInstanceIds.includes(id)));
  root.addState(config, { type: "aws_eks_node_group", name }, [
    stateInstance({
      id: `${cluster.name}:${cluster.nodeGroupName}`,
      arn: `arn:aws:eks:${cluster.region}:${cluster.accountId}:nodegroup/${cluster.name}/${cluster.nodeGroupName}`,
      cluster_name: cluster.name,
      node_group_name: cluster.nodeGroupName,
      instance_types: [cluster.nodeInstanceType],
      scaling_config: [{ desired_size: nodes, min_size: nodes, max_size: nodes + 4 }],
      resources: [{ autoscaling_groups: nodeAsg ? [{ name: nodeAsg.name }] : [], remote_access_security_group_id: "" }],
      tags: cluster.tags,
    }),
  ]);
}

/** An auto-scaling group is an EKS node group's when its instances are nodes of a cluster. */
export function isNodeGroupAsg(org: Organisation, group: AutoScalingGroup): boolean {
  return group.instanceIds.some((id) => org.instances.find((i) => i.id === id)?.clusterName !== undefined);
}

export function addAutoScalingGroup(root: RootBuilder, group: AutoScalingGroup): void {
  const org = root.org;
  const config = root.provider(group.accountId, group.region);
  const name = root.uniqueName("aws_autoscaling_group", group.name);
  const members = group.instanceIds
    .map((id) => org.instances.find((i) => i.id === id))
    .filter((i) => i !== undefined && isLive(i, org.today));
  const subnets = [...new Set(members.map((i) => i?.subnetId ?? ""))].filter((s) => s !== "").sort();
  const size = group.instanceIds.length;
  const items = [
    ...(config.alias ? [...root.providerAttr(config), blank] : []),
    attr("name", str(group.name)),
    attr("min_size", String(size)),
    attr("max_size", String(size * 2)),
    attr("desired_capacity", String(size)),
    attr("vpc_zone_identifier", strList(subnets)),
    blank,
    block("launch_template", [attr("id", str(`lt-${hexOf(group.arn, 17)}`)), attr("version", str("$Latest"))]),
  ];
  if (group.warmPoolInstanceIds.length > 0) {
    items.push(
      blank,
      comment("# Stopped instances kept warm for the morning ramp-up."),
      block("warm_pool", [
        attr("pool_state", str("Stopped")),
        attr("min_size", String(group.warmPoolInstanceIds.length)),
      ]),
    );
  }
  items.push(
    blank,
    block('dynamic "tag"', [
      attr("for_each", inlineTagMap(group.tags)),
      block("content", [attr("key", "tag.key"), attr("value", "tag.value"), attr("propagate_at_launch", "true")]),
    ]),
  );
  root.add("autoscaling.tf", block(`resource "aws_autoscaling_group" ${str(name)}`, items));
  root.addState(config, { type: "aws_autoscaling_group", name }, [
    stateInstance({
      id: group.name,
      name: group.name,
      arn: group.arn,
      min_size: size,
      max_size: size * 2,
      desired_capacity: size,
      vpc_zone_identifier: subnets,
      tag: Object.entries(group.tags).map(([k, v]) => ({ key: k, value: v, propagate_at_launch: true })),
    }),
  ]);
}

function inlineTagMap(tags: Record<string, string>): string {
  const entries = Object.keys(tags)
    .sort()
    .map((k) => `${key(k)} = ${str(tags[k] ?? "")}`);
  return `{ ${entries.join(", ")} }`;
}
