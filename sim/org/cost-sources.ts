// Every billable thing in the organisation as a "cost source": the fixed dimensions of its bill line
// (account, region, service, usage type, resource, tags) and a function giving its final cost and usage on
// one day. Built once per organisation (not per day) and rebuilt when resources are added; a resource's
// goneDay, state and stateChangeDay are read live, so terminating or stopping something changes its cost
// from that day on; a merged rightsizing (typeHistory / classHistory), a scaling schedule or a new VPC
// endpoint changes costs from its day on, and never before.
import { dayOfWeek, daysBetween } from "./days";
import { BYTES_PER_GB } from "./generate-network";
import type { Day, Micros, Organisation, ServiceCharge, Tags } from "./model";
import { unitPriceMicros, usageTypePrefix } from "./prices";
import { instanceComputeOnDay } from "./instance-compute";
import { ENDPOINT_DESTINATION, endpointLiveOn, natTrafficOnDay, totalBytes } from "./nat-traffic";
import { dailyShareOfMonthly, dbHourlyMicros, dbStorageMonthlyMicros, volumeMonthlyMicros } from "./resource-prices";
import { typeOnDay } from "../terraform/type-history";

export const SERVICE = {
  ec2Compute: "Amazon Elastic Compute Cloud - Compute",
  ec2Other: "EC2 - Other",
  rds: "Amazon Relational Database Service",
  vpc: "Amazon Virtual Private Cloud",
} as const;

export interface DailyUsage {
  micros: Micros;
  quantity: number;
  /** Overrides of the source's usage type and instance type, for days after a resize. */
  usageType?: string;
  instanceType?: string;
}

export interface CostSource {
  accountId: string;
  region: string;
  service: string;
  usageType: string;
  recordType: "Usage" | "Support";
  instanceType?: string;
  resourceId?: string;
  tags: Tags;
  /**
   * Whether daily() may bill under another usage type and instance type than the source's own (an instance
   * or database resized by a merge). Every other field is fixed, so Cost Explorer can filter, and list
   * dimension values of, the sources that are not resizable without pricing them.
   */
  resizable: boolean;
  /** Final cost and usage on a day, or undefined when the source does not bill that day. */
  daily(day: Day): DailyUsage | undefined;
}

const EBS_USAGE: Record<string, string> = { gp2: "gp2", gp3: "gp3", io1: "piops", st1: "st1" };

function within(day: Day, from: Day, until: Day | undefined): boolean {
  return day >= from && (until === undefined || day < until);
}

function roundQuantity(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A service charge's cost on a day: its run rate, lower in the past by its growth, lower on weekends. */
export function serviceChargeDailyMicros(charge: ServiceCharge, day: Day): Micros {
  const age = Math.max(0, daysBetween(day, charge.anchorDay));
  const growth = Math.max(0.3, 1 - (charge.growthPerYear * age) / 365);
  const weekday = dayOfWeek(day);
  const shape = charge.weekdayShape ? (weekday === 0 || weekday === 6 ? 0.85 : 1.06) : 1;
  return Math.round(((charge.monthlyMicros * 24) / 730) * growth * shape);
}

function buildSources(org: Organisation): CostSource[] {
  const sources: CostSource[] = [];
  for (const instance of org.instances) {
    const prefix = usageTypePrefix(instance.region);
    sources.push({
      accountId: instance.accountId,
      region: instance.region,
      service: SERVICE.ec2Compute,
      usageType: `${prefix}BoxUsage:${instance.instanceType}`,
      recordType: "Usage",
      instanceType: instance.instanceType,
      resourceId: instance.id,
      tags: instance.tags,
      resizable: true,
      daily: (day) => {
        const compute = instanceComputeOnDay(org, instance, day);
        if (!compute) return undefined;
        return {
          micros: compute.micros,
          quantity: compute.hours,
          usageType: `${prefix}BoxUsage:${compute.instanceType}`,
          instanceType: compute.instanceType,
        };
      },
    });
  }
  for (const volume of org.volumes) {
    const perDay = dailyShareOfMonthly(volumeMonthlyMicros(org, volume));
    const quantity = roundQuantity((volume.sizeGiB * 24) / 730);
    sources.push({
      accountId: volume.accountId,
      region: volume.region,
      service: SERVICE.ec2Other,
      usageType: `${usageTypePrefix(volume.region)}EBS:VolumeUsage.${EBS_USAGE[volume.volumeType] ?? volume.volumeType}`,
      recordType: "Usage",
      resourceId: volume.id,
      tags: volume.tags,
      resizable: false,
      daily: (day) => (within(day, volume.createDay, volume.goneDay) ? { micros: perDay, quantity } : undefined),
    });
  }
  for (const nat of org.natGateways) {
    const hourly = unitPriceMicros(org, "nat-hour", nat.region);
    const perGb = unitPriceMicros(org, "nat-gb", nat.region);
    const prefix = usageTypePrefix(nat.region);
    const base = {
      accountId: nat.accountId,
      region: nat.region,
      service: SERVICE.ec2Other,
      recordType: "Usage" as const,
      resourceId: nat.id,
      tags: nat.tags,
      resizable: false,
    };
    sources.push({
      ...base,
      usageType: `${prefix}NatGateway-Hours`,
      daily: (day) => (within(day, nat.createdDay, nat.goneDay) ? { micros: hourly * 24, quantity: 24 } : undefined),
    });
    sources.push({
      ...base,
      usageType: `${prefix}NatGateway-Bytes`,
      daily: (day) => {
        if (!within(day, nat.createdDay, nat.goneDay)) return undefined;
        const gb = totalBytes(natTrafficOnDay(org, nat, day)) / BYTES_PER_GB;
        return { micros: Math.round(gb * perGb), quantity: roundQuantity(gb) };
      },
    });
  }
  for (const endpoint of org.vpcEndpoints) {
    if (endpoint.type !== "Interface") continue; // gateway endpoints are free
    const enis = Math.max(1, endpoint.subnetIds.length);
    const perDay = unitPriceMicros(org, "endpoint-hour", endpoint.region) * 24 * enis;
    const perGb = unitPriceMicros(org, "endpoint-gb", endpoint.region);
    const prefix = usageTypePrefix(endpoint.region);
    const destination = ENDPOINT_DESTINATION[endpoint.service];
    const natGateways = org.natGateways.filter((n) => n.vpcId === endpoint.vpcId);
    const base = {
      accountId: endpoint.accountId,
      region: endpoint.region,
      service: SERVICE.vpc,
      recordType: "Usage" as const,
      resourceId: endpoint.id,
      tags: endpoint.tags,
      resizable: false,
    };
    sources.push({
      ...base,
      usageType: `${prefix}VpcEndpoint-Hours`,
      daily: (day) => (endpointLiveOn(endpoint, day) ? { micros: perDay, quantity: 24 * enis } : undefined),
    });
    if (!destination) continue;
    sources.push({
      ...base,
      usageType: `${prefix}VpcEndpoint-Bytes`,
      daily: (day) => {
        if (!endpointLiveOn(endpoint, day)) return undefined;
        const bytes = natGateways
          .filter((n) => within(day, n.createdDay, n.goneDay))
          .reduce((sum, n) => sum + n.bytesPerDay[destination], 0);
        const gb = bytes / BYTES_PER_GB;
        return gb > 0 ? { micros: Math.round(gb * perGb), quantity: roundQuantity(gb) } : undefined;
      },
    });
  }
  for (const db of org.dbInstances) {
    const prefix = usageTypePrefix(db.region);
    const base = {
      accountId: db.accountId,
      region: db.region,
      service: SERVICE.rds,
      recordType: "Usage" as const,
      resourceId: db.arn,
      tags: db.tags,
    };
    const usage = db.multiAz ? "Multi-AZUsage" : "InstanceUsage";
    sources.push({
      ...base,
      usageType: `${prefix}${usage}:${db.instanceClass}`,
      instanceType: db.instanceClass,
      resizable: true,
      daily: (day) => {
        if (!within(day, db.createDay, db.goneDay)) return undefined;
        const instanceClass = typeOnDay(db.instanceClass, db.classHistory, day);
        const micros = dbHourlyMicros(org, { region: db.region, multiAz: db.multiAz, instanceClass }) * 24;
        return { micros, quantity: 24, usageType: `${prefix}${usage}:${instanceClass}`, instanceType: instanceClass };
      },
    });
    const storagePerDay = dailyShareOfMonthly(dbStorageMonthlyMicros(org, db));
    const storageQuantity = roundQuantity((db.storageGiB * 24) / 730);
    sources.push({
      ...base,
      resizable: false,
      usageType: `${prefix}RDS:${db.multiAz ? "Multi-AZ-GP2-Storage" : "GP2-Storage"}`,
      daily: (day) =>
        within(day, db.createDay, db.goneDay) ? { micros: storagePerDay, quantity: storageQuantity } : undefined,
    });
  }
  for (const charge of org.serviceCharges ?? []) {
    sources.push({
      accountId: charge.accountId,
      region: charge.region,
      service: charge.service,
      usageType: charge.usageType,
      recordType: charge.recordType,
      ...(charge.resourceId ? { resourceId: charge.resourceId } : {}),
      tags: charge.tags,
      resizable: false,
      daily: (day) => {
        if (day < charge.createdDay) return undefined;
        const micros = serviceChargeDailyMicros(charge, day);
        return { micros, quantity: roundQuantity(micros / 1e6) };
      },
    });
  }
  return sources;
}

const cache = new WeakMap<Organisation, { signature: string; sources: CostSource[] }>();

function signature(org: Organisation): string {
  return [
    org.instances.length,
    org.volumes.length,
    org.natGateways.length,
    org.vpcEndpoints.length,
    org.dbInstances.length,
    org.serviceCharges?.length ?? -1,
    org.prices.length,
  ].join(",");
}

export function costSources(org: Organisation): CostSource[] {
  const key = signature(org);
  const cached = cache.get(org);
  if (cached && cached.signature === key) return cached.sources;
  const sources = buildSources(org);
  cache.set(org, { signature: key, sources });
  return sources;
}
