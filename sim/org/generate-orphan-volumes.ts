// Planted orphan EBS volumes (detached for weeks to months) and decoy volumes detached today.
import { addDays } from "./days";
import type { EbsVolume } from "./model";
import { pickWeighted } from "./pick-weighted";
import { volumeMonthlyMicros } from "./resource-prices";
import { PRODUCT_SQUADS } from "./squads";
import { accountFor, networkFor, standardTags, type AccountRole, type UnitContext } from "./unit-context";

export const ORPHAN_VOLUMES = 40;
export const VOLUMES_DETACHED_TODAY = 3;

function detachedVolume(ctx: UnitContext, role: AccountRole, detachedDay: string, untagged: boolean): EbsVolume {
  const { random } = ctx;
  const account = accountFor(ctx, role);
  const subnet = random.pick(networkFor(ctx, account).privateSubnets);
  const squad = random.pick(PRODUCT_SQUADS);
  const volumeType = pickWeighted(random, { gp2: 60, gp3: 25, io1: 10, st1: 5 });
  const sizeGiB = volumeType === "st1" ? random.int(5, 20) * 125 : random.int(2, 30) * 50;
  return {
    id: ctx.ids.resourceId("vol-", 17),
    accountId: account.id,
    region: "us-east-1",
    az: subnet.az,
    sizeGiB,
    volumeType,
    state: "available",
    createDay: addDays(detachedDay, -random.int(30, 700)),
    detachedDay,
    managedBy: random.chance(0.5) ? "console" : "terraform",
    tags: standardTags(squad, account.environment, `${squad.slug}-data-${random.int(1, 99)}`, untagged),
  };
}

export function generateOrphanVolumes(ctx: UnitContext): void {
  const { org, random } = ctx;
  for (let i = 0; i < ORPHAN_VOLUMES; i++) {
    const role = pickWeighted(random, { production: 3, staging: 3, dev: 4, qa: 2, perf: 2 } as Record<
      AccountRole,
      number
    >);
    const detachedDaysAgo = random.int(20, 300);
    const volume = detachedVolume(ctx, role, addDays(ctx.today, -detachedDaysAgo), random.chance(0.3));
    org.volumes.push(volume);
    org.planted.push({
      type: "orphan-volume",
      resourceId: volume.id,
      monthlySavingMicros: volumeMonthlyMicros(org, volume),
      detail: `${volume.sizeGiB} GiB ${volume.volumeType}, detached ${detachedDaysAgo} days ago`,
    });
  }
  for (let i = 0; i < VOLUMES_DETACHED_TODAY; i++) {
    const volume = detachedVolume(ctx, "production", ctx.today, false);
    org.volumes.push(volume);
    org.decoys.push({
      looksLike: "orphan-volume",
      resourceId: volume.id,
      why: "detached today: may be mid-maintenance",
    });
  }
}
