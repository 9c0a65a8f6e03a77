// What one resource costs per hour or per month, from the organisation's price table. Daily costs
// (costs.ts), planted savings and OpenCost all use these, so they agree exactly.
import type { DbInstance, EbsVolume, Ec2Instance, Micros, Organisation } from "./model";
import { HOURS_PER_MONTH, unitPriceMicros } from "./prices";

type Prices = Pick<Organisation, "prices">;

export function instanceHourlyMicros(org: Prices, instance: Pick<Ec2Instance, "region" | "instanceType">): Micros {
  return unitPriceMicros(org, "ec2-instance-hour", instance.region, instance.instanceType);
}

export function instanceMonthlyMicros(org: Prices, instance: Pick<Ec2Instance, "region" | "instanceType">): Micros {
  return instanceHourlyMicros(org, instance) * HOURS_PER_MONTH;
}

export function volumeMonthlyMicros(org: Prices, volume: Pick<EbsVolume, "region" | "volumeType" | "sizeGiB">): Micros {
  return unitPriceMicros(org, "ebs-gb-month", volume.region, volume.volumeType) * volume.sizeGiB;
}

function deployment(db: Pick<DbInstance, "multiAz">): "multi-az" | "single-az" {
  return db.multiAz ? "multi-az" : "single-az";
}

export function dbHourlyMicros(org: Prices, db: Pick<DbInstance, "region" | "instanceClass" | "multiAz">): Micros {
  return unitPriceMicros(org, "rds-instance-hour", db.region, db.instanceClass, deployment(db));
}

export function dbStorageMonthlyMicros(org: Prices, db: Pick<DbInstance, "region" | "storageGiB" | "multiAz">): Micros {
  return unitPriceMicros(org, "rds-storage-gb-month", db.region, "gp2", deployment(db)) * db.storageGiB;
}

/** A monthly amount (730 hours) accrued over one day of 24 hours, rounded to the micro-dollar. */
export function dailyShareOfMonthly(monthlyMicros: Micros): Micros {
  return Math.round((monthlyMicros * 24) / HOURS_PER_MONTH);
}
