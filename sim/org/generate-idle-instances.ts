// Planted instance waste: zombies (running, idle, serving nothing) and instances stopped for more than
// 30 days whose volumes still bill. Savings are the monthly (730 h) price of what deleting them removes.
import { addDays } from "./days";
import { createInstance } from "./create-instance";
import type { Ec2Instance, Organisation } from "./model";
import { pickWeighted } from "./pick-weighted";
import { instanceMonthlyMicros, volumeMonthlyMicros } from "./resource-prices";
import { PRODUCT_SQUADS } from "./squads";
import { accountFor, type AccountRole, type UnitContext } from "./unit-context";
import { usageProfile } from "./usage-profile";

const ZOMBIE_TYPES: ReadonlyArray<{ type: string; count: number }> = [
  { type: "m5.4xlarge", count: 10 },
  { type: "m5.2xlarge", count: 30 },
  { type: "c5.2xlarge", count: 20 },
  { type: "r5.xlarge", count: 15 },
  { type: "m5.xlarge", count: 10 },
];

const ZOMBIE_ROLES: Readonly<Partial<Record<AccountRole, number>>> = {
  dev: 25,
  staging: 20,
  qa: 15,
  perf: 10,
  production: 10,
  "shared-services": 5,
};

export const STOPPED_INSTANCES = 10;

/** Monthly price of an instance's volumes; searched from the end, where a just-created instance's volumes are. */
export function attachedVolumesMonthlyMicros(org: Organisation, instance: Ec2Instance): number {
  const wanted = new Set(instance.volumeIds);
  let total = 0;
  for (let i = org.volumes.length - 1; i >= 0 && wanted.size > 0; i--) {
    const volume = org.volumes[i];
    if (volume && wanted.delete(volume.id)) total += volumeMonthlyMicros(org, volume);
  }
  return total;
}

export function generateIdleInstances(ctx: UnitContext): void {
  const { org, random } = ctx;
  for (const { type, count } of ZOMBIE_TYPES) {
    for (let i = 0; i < count; i++) {
      const role = pickWeighted(random, ZOMBIE_ROLES as Record<AccountRole, number>);
      const squad = random.pick(PRODUCT_SQUADS);
      const instance = createInstance(ctx, {
        account: accountFor(ctx, role),
        instanceType: type,
        squad,
        name: `${squad.slug}-${random.pick(["worker", "batch", "legacy-api", "test-runner", "migration"])}-${random.int(1, 40)}`,
        launchDay: addDays(ctx.today, -random.int(90, 900)),
        usage: usageProfile(random, { cpuMean: random.float(0.2, 1.5), networkGbPerDay: random.float(0.0005, 0.0035) }),
        managedBy: random.chance(0.4) ? "console" : "terraform",
        untagged: random.chance(0.2),
        rootVolume: { sizeGiB: random.pick([50, 100, 200]), volumeType: "gp2" },
        ...(random.chance(0.3) ? { dataVolume: { sizeGiB: random.int(2, 10) * 50, volumeType: "gp2" as const } } : {}),
      });
      org.planted.push({
        type: "zombie-instance",
        resourceId: instance.id,
        monthlySavingMicros: instanceMonthlyMicros(org, instance) + attachedVolumesMonthlyMicros(org, instance),
        detail: `${type} in ${role} at ${instance.usage.cpuMean}% CPU, no traffic, in no target group or ASG`,
      });
    }
  }

  for (let i = 0; i < STOPPED_INSTANCES; i++) {
    const role = pickWeighted(random, { dev: 4, staging: 3, qa: 2, perf: 1 } as Record<AccountRole, number>);
    const squad = random.pick(PRODUCT_SQUADS);
    const stoppedDaysAgo = random.int(40, 200);
    const instance = createInstance(ctx, {
      account: accountFor(ctx, role),
      instanceType: random.pick(["t3.large", "m5.xlarge", "m5.large"]),
      squad,
      name: `${squad.slug}-experiment-${random.int(1, 20)}`,
      launchDay: addDays(ctx.today, -stoppedDaysAgo - random.int(30, 300)),
      stoppedSince: addDays(ctx.today, -stoppedDaysAgo),
      usage: usageProfile(random, { cpuMean: 0, networkGbPerDay: 0 }),
      managedBy: random.chance(0.5) ? "console" : "terraform",
      rootVolume: { sizeGiB: 100, volumeType: "gp2" },
      dataVolume: { sizeGiB: random.int(1, 8) * 100, volumeType: "gp2" },
    });
    org.planted.push({
      type: "stopped-instance",
      resourceId: instance.id,
      monthlySavingMicros: attachedVolumesMonthlyMicros(org, instance),
      detail: `stopped for ${stoppedDaysAgo} days; its EBS volumes still bill`,
    });
  }
}
