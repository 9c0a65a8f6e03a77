// Which metrics exist in a region, and their samples. CloudWatch keeps a deleted resource's history, so
// gone resources still answer for the time they existed; nothing exists before a resource was created,
// after it went away, while an instance is stopped, or after the sandbox's "now" (00:00 UTC on org.today).
//
// NAT traffic by destination is not a CloudWatch dimension. The sandbox publishes it as a custom metric,
// `CostLens/NatFlowLogs` `BytesToService` {NatGatewayId, Service}, standing for the aggregate a VPC flow-log
// pipeline would publish; a real account has it only if it runs such a pipeline, so readers must treat
// its absence as "destination split unknown" and flag their estimate.
//
// EBS volumes publish AWS/EBS metrics only while attached to a running instance: a volume's series runs
// from its creation (or its instance's launch) to its instance's stop, or to the day it was detached.
// DescribeVolumes has no detach time, so the last datapoint is how a reader dates a detach.
import type { DbInstance, EbsVolume, Ec2Instance, NatGateway, NatTraffic, Organisation } from "../../../org/model";
import { natTrafficOnDay, totalBytes } from "../../../org/nat-traffic";
import {
  dailyVolumeSeries,
  profileSeries,
  type Distribution,
  type ProfileOptions,
  type SampleSeries,
} from "../../../org/metrics";
import {
  createdSeconds,
  dayStartSeconds,
  instanceLaunchSeconds,
  instanceStopSeconds,
} from "../../../org/resource-times";

export interface Dimension {
  Name: string;
  Value: string;
}

type Window = { start: number; end: number };

export interface MetricDefinition {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  window: Window;
  series(): SampleSeries;
}

export const FLOW_LOG_NAMESPACE = "CostLens/NatFlowLogs";

export function metricKey(namespace: string, metricName: string, dimensions: readonly Dimension[]): string {
  const dims = [...dimensions].sort((a, b) => a.Name.localeCompare(b.Name)).map((d) => `${d.Name}=${d.Value}`);
  return `${namespace}|${metricName}|${dims.join(",")}`;
}

function window(start: number, end: number | undefined, now: number): Window {
  return { start, end: Math.min(end ?? now, now) };
}

function goneSeconds(goneDay: string | undefined): number | undefined {
  return goneDay === undefined ? undefined : dayStartSeconds(goneDay);
}

function metric(namespace: string, metricName: string, dimensions: Dimension[], w: Window, series: () => SampleSeries) {
  return { namespace, metricName, dimensions, window: w, series };
}

/** Bytes per 5-minute sample around the daily volume's average. */
function perSample(bytesPerDay: number): Distribution {
  const mean = bytesPerDay / 288;
  return { mean, p95: mean * 1.8, max: mean * 2.5 };
}

function instanceWindow(instance: Ec2Instance, now: number): Window {
  const gone = goneSeconds(instance.goneDay);
  const stop = instance.state === "stopped" ? instanceStopSeconds(instance) : undefined;
  const ends = [gone, stop].filter((t): t is number => t !== undefined);
  return window(instanceLaunchSeconds(instance), ends.length > 0 ? Math.min(...ends) : undefined, now);
}

function instanceMetrics(instance: Ec2Instance, now: number): MetricDefinition[] {
  const w = instanceWindow(instance, now);
  const dims = [{ Name: "InstanceId", Value: instance.id }];
  const u = instance.usage;
  const options = { businessHoursOnly: u.businessHoursOnly };
  const profile =
    (name: string, d: Distribution, o: ProfileOptions = options) =>
    () =>
      profileSeries(`${instance.id}:${name}`, d, w, o);
  const defs: MetricDefinition[] = [
    metric("AWS/EC2", "CPUUtilization", dims, w, profile("cpu", { mean: u.cpuMean, p95: u.cpuP95, max: u.cpuMax })),
    metric("AWS/EC2", "NetworkIn", dims, w, profile("netin", perSample(u.networkInBytesPerDay))),
    metric("AWS/EC2", "NetworkOut", dims, w, profile("netout", perSample(u.networkOutBytesPerDay))),
  ];
  if (u.memoryP95 !== undefined) {
    const memory = { mean: u.memoryP95 * 0.8, p95: u.memoryP95, max: Math.min(100, u.memoryP95 * 1.1) };
    defs.push(metric("CWAgent", "mem_used_percent", dims, w, profile("mem", memory, {})));
  }
  return defs;
}

function dbMetrics(db: DbInstance, now: number): MetricDefinition[] {
  const w = window(createdSeconds(db.createDay, db.identifier), goneSeconds(db.goneDay), now);
  const dims = [{ Name: "DBInstanceIdentifier", Value: db.identifier }];
  const u = db.usage;
  const profile =
    (name: string, d: Distribution, integer = false) =>
    () =>
      profileSeries(`${db.identifier}:${name}`, d, w, { integer });
  const cpu = { mean: u.cpuMean, p95: Math.min(100, u.cpuMean * 2), max: Math.min(100, u.cpuMean * 3) };
  const connections = {
    mean: u.connectionsMean,
    p95: (u.connectionsMean + u.connectionsMax) / 2,
    max: u.connectionsMax,
  };
  const iops = { mean: u.readIopsMean, p95: u.readIopsMean * 2, max: u.readIopsMean * 3 };
  return [
    metric("AWS/RDS", "CPUUtilization", dims, w, profile("cpu", cpu)),
    metric("AWS/RDS", "DatabaseConnections", dims, w, profile("conn", connections, true)),
    metric("AWS/RDS", "ReadIOPS", dims, w, profile("riops", iops)),
  ];
}

/** Read and write operations per 5-minute sample of a volume in use. */
const VOLUME_OPS: Record<"VolumeReadOps" | "VolumeWriteOps", Distribution> = {
  VolumeReadOps: { mean: 120, p95: 400, max: 900 },
  VolumeWriteOps: { mean: 200, p95: 600, max: 1200 },
};

function volumeWindow(volume: EbsVolume, instances: ReadonlyMap<string, Ec2Instance>, now: number): Window {
  const created = createdSeconds(volume.createDay, volume.id);
  const instance = volume.attachedInstanceId ? instances.get(volume.attachedInstanceId) : undefined;
  if (instance) {
    const attached = instanceWindow(instance, now);
    return { start: Math.max(created, attached.start), end: attached.end };
  }
  const end = volume.detachedDay === undefined ? created : dayStartSeconds(volume.detachedDay);
  return window(created, Math.min(end, goneSeconds(volume.goneDay) ?? end), now);
}

function volumeMetrics(volume: EbsVolume, instances: ReadonlyMap<string, Ec2Instance>, now: number) {
  const w = volumeWindow(volume, instances, now);
  const dims = [{ Name: "VolumeId", Value: volume.id }];
  return (Object.keys(VOLUME_OPS) as (keyof typeof VOLUME_OPS)[]).map((name) =>
    metric("AWS/EBS", name, dims, w, () => profileSeries(`${volume.id}:${name}`, VOLUME_OPS[name], w)),
  );
}

const SERVICES: (keyof NatTraffic)[] = ["s3", "dynamodb", "ecr", "ssm", "internet"];

function natMetrics(org: Organisation, nat: NatGateway, now: number): MetricDefinition[] {
  const w = window(createdSeconds(nat.createdDay, nat.id), goneSeconds(nat.goneDay), now);
  const dims = [{ Name: "NatGatewayId", Value: nat.id }];
  // Traffic a VPC endpoint carries from its creation day on no longer reaches the NAT gateway.
  const trafficOn = (dayStart: number) =>
    natTrafficOnDay(org, nat, new Date(dayStart * 1000).toISOString().slice(0, 10));
  const processed = () => dailyVolumeSeries((dayStart) => totalBytes(trafficOn(dayStart)), w);
  return [
    metric("AWS/NATGateway", "BytesOutToDestination", dims, w, processed),
    metric("AWS/NATGateway", "BytesInFromSource", dims, w, processed),
    ...SERVICES.map((service) =>
      metric(FLOW_LOG_NAMESPACE, "BytesToService", [...dims, { Name: "Service", Value: service }], w, () =>
        dailyVolumeSeries((dayStart) => trafficOn(dayStart)[service], w),
      ),
    ),
  ];
}

export function regionMetrics(org: Organisation, region: string): MetricDefinition[] {
  const now = dayStartSeconds(org.today);
  const instances = new Map(org.instances.filter((i) => i.region === region).map((i) => [i.id, i]));
  return [
    ...[...instances.values()].flatMap((i) => instanceMetrics(i, now)),
    ...org.volumes.filter((v) => v.region === region).flatMap((v) => volumeMetrics(v, instances, now)),
    ...org.dbInstances.filter((d) => d.region === region).flatMap((d) => dbMetrics(d, now)),
    ...org.natGateways.filter((n) => n.region === region).flatMap((n) => natMetrics(org, n, now)),
  ].filter((m) => m.window.start < m.window.end);
}

export function metricIndex(org: Organisation, region: string): Map<string, MetricDefinition> {
  return new Map(regionMetrics(org, region).map((m) => [metricKey(m.namespace, m.metricName, m.dimensions), m]));
}
