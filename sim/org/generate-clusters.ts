// The four EKS clusters of the case study: static node groups of on-demand m5.2xlarge, production with
// 87 nodes, staging and dev built like production (same node type and node group, running 24x7) at about
// half its size, and a small qa cluster. Each node group is backed by an Auto Scaling group.
import { addDays, daysBetween } from "./days";
import { createInstance } from "./create-instance";
import type { AutoScalingGroup, EksCluster } from "./model";
import { PLATFORM_SQUAD, squadBySlug } from "./squads";
import { accountFor, networkFor, standardTags, type AccountRole, type UnitContext } from "./unit-context";
import { usageProfile } from "./usage-profile";

export const NODE_INSTANCE_TYPE = "m5.2xlarge";

interface ClusterLayout {
  name: "production" | "staging" | "dev" | "qa";
  role: AccountRole;
  nodes: number;
  nodeCpuMean: number;
}

export const CLUSTER_LAYOUT: readonly ClusterLayout[] = [
  { name: "production", role: "production", nodes: 87, nodeCpuMean: 20 },
  { name: "staging", role: "staging", nodes: 44, nodeCpuMean: 13 },
  { name: "dev", role: "dev", nodes: 36, nodeCpuMean: 12 },
  { name: "qa", role: "qa", nodes: 8, nodeCpuMean: 10 },
];

export function generateClusters(ctx: UnitContext): void {
  const platform = squadBySlug(PLATFORM_SQUAD);
  const historyDays = daysBetween(ctx.org.start, ctx.today);
  for (const layout of CLUSTER_LAYOUT) {
    const account = accountFor(ctx, layout.role);
    const name = `${layout.name}${ctx.suffix}`;
    const asgName = `eks-${name}-default-${ctx.random.hex(8)}`;
    const nodeInstanceIds: string[] = [];
    for (let i = 0; i < layout.nodes; i++) {
      // Most nodes predate the cost history; the rest joined during it, so the bill grows over time.
      const launchDay = ctx.random.chance(0.85)
        ? addDays(ctx.org.start, -ctx.random.int(30, 700))
        : addDays(ctx.org.start, ctx.random.int(0, historyDays - 20));
      const node = createInstance(ctx, {
        account,
        instanceType: NODE_INSTANCE_TYPE,
        squad: platform,
        name: `${name}-default-node`,
        launchDay,
        usage: usageProfile(ctx.random, {
          cpuMean: layout.nodeCpuMean * ctx.random.float(0.7, 1.3),
          networkGbPerDay: ctx.random.float(20, 60),
          withMemoryAgent: true,
        }),
        asgName,
        clusterName: name,
        extraTags: {
          "eks:cluster-name": name,
          "eks:nodegroup-name": "default",
          [`kubernetes.io/cluster/${name}`]: "owned",
        },
        rootVolume: { sizeGiB: 100, volumeType: "gp3" },
      });
      nodeInstanceIds.push(node.id);
    }
    const network = networkFor(ctx, account);
    const cluster: EksCluster = {
      name,
      arn: `arn:aws:eks:us-east-1:${account.id}:cluster/${name}`,
      accountId: account.id,
      region: "us-east-1",
      environment: account.environment,
      vpcId: network.vpc.id,
      nodeGroupName: "default",
      nodeInstanceType: NODE_INSTANCE_TYPE,
      nodeInstanceIds,
      tags: standardTags(platform, account.environment, name),
    };
    ctx.org.clusters.push(cluster);
    const asg: AutoScalingGroup = {
      name: asgName,
      arn: `arn:aws:autoscaling:us-east-1:${account.id}:autoScalingGroup:${ctx.random.hex(8)}-${ctx.random.hex(4)}-${ctx.random.hex(4)}-${ctx.random.hex(4)}-${ctx.random.hex(12)}:autoScalingGroupName/${asgName}`,
      accountId: account.id,
      region: "us-east-1",
      instanceIds: [...nodeInstanceIds],
      warmPoolInstanceIds: [],
      tags: { ...standardTags(platform, account.environment, asgName), "eks:cluster-name": name },
    };
    ctx.org.autoScalingGroups.push(asg);
  }
}
