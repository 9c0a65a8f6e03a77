// The instances that do real work outside EKS: oversized ones (rightsizing candidates, some ready for
// Graviton), a legacy web tier in an Auto Scaling group behind a target group, and busy services.
import { addDays } from "./days";
import { createInstance } from "./create-instance";
import type { AutoScalingGroup, Ec2Instance, TargetGroup } from "./model";
import { HOURS_PER_MONTH } from "./prices";
import { instanceHourlyMicros } from "./resource-prices";
import { PRODUCT_SQUADS, squadBySlug } from "./squads";
import { accountFor, networkFor, standardTags, type UnitContext } from "./unit-context";
import { usageProfile } from "./usage-profile";

const RIGHTSIZING: ReadonlyArray<{ from: string; to: string; armTo: string; count: number }> = [
  { from: "m5.4xlarge", to: "m5.2xlarge", armTo: "m6g.2xlarge", count: 10 },
  { from: "c5.4xlarge", to: "c5.2xlarge", armTo: "c6g.2xlarge", count: 8 },
  { from: "r5.2xlarge", to: "r5.xlarge", armTo: "r6g.xlarge", count: 12 },
];
/**
 * Idle standalone instances (the zombie rule's decoys: busy on the network or behind a load balancer) are
 * oversized too: at a CPU p95 under 5%, DESIGN.md's rule takes them to the smallest size of their family.
 */
const IDLE_RESIZES: ReadonlyArray<{ from: string; to: string; armTo: string }> = [
  { from: "m5.xlarge", to: "m5.large", armTo: "m6g.large" },
  { from: "c5.xlarge", to: "c5.large", armTo: "c6g.large" },
];
/** The smaller instance an oversized type should become, within its family and on Graviton. */
export function rightsizingTargets(instanceType: string): { sameFamily: string; graviton: string } | undefined {
  const entry = [...RIGHTSIZING, ...IDLE_RESIZES].find((r) => r.from === instanceType);
  return entry && { sameFamily: entry.to, graviton: entry.armTo };
}

const ARM_READY_EVERY = 5; // 2 of every 5 oversized instances run workloads already built for arm64
const BUSY_INSTANCES = 21;
const WEB_TIER_SIZE = 4;

export function createTargetGroup(
  ctx: UnitContext,
  name: string,
  accountRole: "production",
  instances: Ec2Instance[],
): TargetGroup {
  const account = accountFor(ctx, accountRole);
  const targetGroup: TargetGroup = {
    arn: `arn:aws:elasticloadbalancing:us-east-1:${account.id}:targetgroup/${name}/${ctx.random.hex(16)}`,
    name,
    accountId: account.id,
    region: "us-east-1",
    vpcId: networkFor(ctx, account).vpc.id,
    instanceIds: instances.map((i) => i.id),
  };
  for (const instance of instances) instance.targetGroupArns.push(targetGroup.arn);
  ctx.org.targetGroups.push(targetGroup);
  return targetGroup;
}

export function generateWorkloadInstances(ctx: UnitContext): AutoScalingGroup {
  const { org, random } = ctx;
  let oversized = 0;
  for (const { from, to, armTo, count } of RIGHTSIZING) {
    for (let i = 0; i < count; i++) {
      const squad = random.pick(PRODUCT_SQUADS);
      const armReady = oversized++ % ARM_READY_EVERY < 2;
      const instance = createInstance(ctx, {
        account: accountFor(ctx, random.chance(0.7) ? "production" : "production-data"),
        instanceType: from,
        squad,
        name: `${squad.slug}-${random.pick(["api", "worker", "consumer", "indexer"])}-${random.int(1, 9)}`,
        launchDay: addDays(ctx.today, -random.int(120, 1000)),
        // Oversized by exactly one size under DESIGN.md's rule, with room for the day-to-day spread of the
        // measured p95: CPU p95 16.5-24% doubles to 33-48% one size down (< 60%) but would reach 66%+ two
        // sizes down; reported memory (p95 < 29%) doubles to < 60% too.
        usage: usageProfile(random, {
          cpuMean: random.float(10.3, 11),
          networkGbPerDay: random.float(2, 15),
          withMemoryAgent: random.chance(0.5),
          memoryP95Range: [12, 28],
        }),
        untagged: random.chance(0.05),
        extraTags: armReady ? { "arm-ready": "true" } : {},
        rootVolume: { sizeGiB: 100, volumeType: "gp3" },
      });
      const target = armReady ? armTo : to;
      const savingPerHour =
        instanceHourlyMicros(org, instance) -
        instanceHourlyMicros(org, { region: instance.region, instanceType: target });
      org.planted.push({
        type: "rightsizing",
        resourceId: instance.id,
        monthlySavingMicros: savingPerHour * HOURS_PER_MONTH,
        detail: `${from} -> ${target}: CPU p95 ${instance.usage.cpuP95}%${armReady ? ", arm-ready" : ""}`,
      });
    }
  }

  const web = squadBySlug("checkout");
  const production = accountFor(ctx, "production");
  const asgName = `web-legacy${ctx.suffix}`;
  const webTier = Array.from({ length: WEB_TIER_SIZE }, () =>
    createInstance(ctx, {
      account: production,
      instanceType: "c5.xlarge",
      squad: web,
      name: "web-legacy",
      launchDay: addDays(ctx.today, -random.int(20, 200)),
      usage: usageProfile(random, { cpuMean: random.float(30, 45), networkGbPerDay: random.float(40, 90) }),
      asgName,
      rootVolume: { sizeGiB: 50, volumeType: "gp3" },
    }),
  );
  createTargetGroup(ctx, `web-legacy${ctx.suffix}`, "production", webTier);
  const asg: AutoScalingGroup = {
    name: asgName,
    arn: `arn:aws:autoscaling:us-east-1:${production.id}:autoScalingGroup:${random.hex(8)}-${random.hex(4)}-${random.hex(4)}-${random.hex(4)}-${random.hex(12)}:autoScalingGroupName/${asgName}`,
    accountId: production.id,
    region: "us-east-1",
    instanceIds: webTier.map((i) => i.id),
    warmPoolInstanceIds: [],
    tags: standardTags(web, "production", asgName),
  };
  org.autoScalingGroups.push(asg);

  for (let i = 0; i < BUSY_INSTANCES; i++) {
    const squad = random.pick(PRODUCT_SQUADS);
    const role = random.pick(["production", "production", "production-data", "shared-services", "staging"] as const);
    createInstance(ctx, {
      account: accountFor(ctx, role),
      region: role === "production" && random.chance(0.3) ? "us-west-2" : "us-east-1",
      instanceType: random.pick(["m5.xlarge", "c5.2xlarge", "r5.xlarge", "m5.2xlarge", "t3.xlarge"]),
      squad,
      name: `${squad.slug}-${random.pick(["svc", "queue-worker", "cron", "gateway"])}-${random.int(1, 9)}`,
      launchDay: addDays(ctx.today, -random.int(30, 900)),
      usage: usageProfile(random, {
        cpuMean: random.float(25, 50),
        networkGbPerDay: random.float(5, 60),
        withMemoryAgent: random.chance(0.5),
      }),
      untagged: random.chance(0.1),
      managedBy: random.chance(0.1) ? "console" : "terraform",
      rootVolume: { sizeGiB: 100, volumeType: "gp3" },
      ...(random.chance(0.4) ? { dataVolume: { sizeGiB: random.int(2, 10) * 100, volumeType: "gp3" as const } } : {}),
    });
  }
  return asg;
}
