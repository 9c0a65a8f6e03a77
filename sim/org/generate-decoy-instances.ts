// Instances that look like waste to a careless detector but are not: idle CPU with heavy network traffic,
// idle CPU behind a load balancer, stopped only days ago, stopped in an ASG warm pool, or younger than the
// 14-day lookback. Not zombies, but the running ones at xlarge are oversized: a CPU p95 under 5% fits one
// size down (the proxies' 150-400 GB a day average under 40 Mbit/s, far below a large size's baseline
// bandwidth), so they are planted as rightsizing waste.
import { addDays } from "./days";
import { createInstance, type InstanceSpec } from "./create-instance";
import type { AutoScalingGroup, Ec2Instance } from "./model";
import { HOURS_PER_MONTH } from "./prices";
import { instanceHourlyMicros } from "./resource-prices";
import { PRODUCT_SQUADS } from "./squads";
import { accountFor, type UnitContext } from "./unit-context";
import { usageProfile } from "./usage-profile";
import { createTargetGroup, rightsizingTargets } from "./generate-workload-instances";

export const DECOY_COUNTS = { heavyNetwork: 4, inTargetGroup: 4, recentlyStopped: 3, warmPool: 2, young: 2 } as const;

function idleSpec(ctx: UnitContext, name: string, overrides: Partial<InstanceSpec>): InstanceSpec {
  const squad = ctx.random.pick(PRODUCT_SQUADS);
  return {
    account: accountFor(ctx, "production"),
    instanceType: ctx.random.pick(["m5.xlarge", "c5.xlarge", "m5.large"]),
    squad,
    name: `${squad.slug}-${name}`,
    launchDay: addDays(ctx.today, -ctx.random.int(90, 600)),
    usage: usageProfile(ctx.random, {
      cpuMean: ctx.random.float(0.5, 1.8),
      networkGbPerDay: ctx.random.float(0.001, 0.02),
    }),
    rootVolume: { sizeGiB: 50, volumeType: "gp3" },
    ...overrides,
  };
}

/** Plants a running, standalone decoy older than the lookback as rightsizing waste when its type has a smaller size. */
function plantRightsizing(ctx: UnitContext, instance: Ec2Instance): void {
  const targets = rightsizingTargets(instance.instanceType);
  if (!targets) return;
  const target = instance.tags["arm-ready"] === "true" ? targets.graviton : targets.sameFamily;
  const savingPerHour =
    instanceHourlyMicros(ctx.org, instance) -
    instanceHourlyMicros(ctx.org, { region: instance.region, instanceType: target });
  ctx.org.planted.push({
    type: "rightsizing",
    resourceId: instance.id,
    monthlySavingMicros: savingPerHour * HOURS_PER_MONTH,
    detail: `${instance.instanceType} -> ${target}: CPU p95 ${instance.usage.cpuP95}%, idle but not a zombie`,
  });
}

export function generateDecoyInstances(ctx: UnitContext, webTier: AutoScalingGroup): void {
  const { org, random } = ctx;
  const decoy = (instance: Ec2Instance, looksLike: "zombie-instance" | "stopped-instance", why: string) =>
    org.decoys.push({ looksLike, resourceId: instance.id, why });

  for (let i = 0; i < DECOY_COUNTS.heavyNetwork; i++) {
    const instance = createInstance(
      ctx,
      idleSpec(ctx, `egress-proxy-${i + 1}`, {
        usage: usageProfile(random, { cpuMean: random.float(0.8, 2), networkGbPerDay: random.float(150, 400) }),
      }),
    );
    decoy(
      instance,
      "zombie-instance",
      `low CPU but heavy network traffic (${Math.round((instance.usage.networkInBytesPerDay + instance.usage.networkOutBytesPerDay) / 1024 ** 3)} GB/day)`,
    );
    plantRightsizing(ctx, instance);
  }

  const behindLoadBalancer = Array.from({ length: DECOY_COUNTS.inTargetGroup }, (_, i) =>
    createInstance(ctx, idleSpec(ctx, `internal-admin-${i + 1}`, {})),
  );
  const targetGroup = createTargetGroup(ctx, `internal-admin${ctx.suffix}`, "production", behindLoadBalancer);
  for (const instance of behindLoadBalancer) {
    decoy(instance, "zombie-instance", `idle but registered in target group ${targetGroup.name}`);
    plantRightsizing(ctx, instance);
  }

  for (let i = 0; i < DECOY_COUNTS.recentlyStopped; i++) {
    const stoppedDaysAgo = random.int(2, 12);
    const instance = createInstance(
      ctx,
      idleSpec(ctx, `maintenance-${i + 1}`, {
        account: accountFor(ctx, "staging"),
        stoppedSince: addDays(ctx.today, -stoppedDaysAgo),
      }),
    );
    decoy(instance, "stopped-instance", `stopped only ${stoppedDaysAgo} days ago`);
  }

  for (let i = 0; i < DECOY_COUNTS.warmPool; i++) {
    const instance = createInstance(
      ctx,
      idleSpec(ctx, "web-legacy-warm", {
        instanceType: "c5.xlarge",
        stoppedSince: addDays(ctx.today, -random.int(45, 120)),
        asgName: webTier.name,
      }),
    );
    webTier.warmPoolInstanceIds.push(instance.id);
    decoy(instance, "stopped-instance", `stopped in the warm pool of Auto Scaling group ${webTier.name}`);
  }

  for (let i = 0; i < DECOY_COUNTS.young; i++) {
    const ageDays = random.int(3, 8);
    const instance = createInstance(
      ctx,
      idleSpec(ctx, `new-service-${i + 1}`, {
        launchDay: addDays(ctx.today, -ageDays),
        account: accountFor(ctx, "dev"),
      }),
    );
    decoy(instance, "zombie-instance", `launched ${ageDays} days ago, younger than the 14-day lookback`);
  }
}
