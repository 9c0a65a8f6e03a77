// Which CloudWatch metrics CostLens keeps for each kind of resource, and with which statistics: what the
// waste detectors read (zombie: CPU max and network sums; rightsizing: CPU p95 and memory p95; idle
// replica: connections and read IOPS; NAT waste: processed bytes and their split by destination; orphan
// volume: read and write operations, which AWS/EBS publishes only while the volume is attached, so the last
// day with datapoints dates a detach that DescribeVolumes does not report).
// A stored metric is named "<namespace>/<metric name>", e.g. "AWS/EC2/CPUUtilization"; a metric that has
// one more dimension than the resource id (the flow-log split by service) appends ":<value>".
import type { ResourceKind } from "../../db/generated/client";

/** The statistics GetMetricData computes for us, each filling one column of a MetricDaily row. */
export type MetricStatistic = "Average" | "Maximum" | "p95" | "Sum" | "SampleCount";

export const STATISTIC_COLUMNS = {
  Average: "average",
  Maximum: "maximum",
  p95: "p95",
  Sum: "sum",
  SampleCount: "samples",
} as const satisfies Record<MetricStatistic, string>;

export type MetricColumn = (typeof STATISTIC_COLUMNS)[MetricStatistic];

export interface MetricSpec {
  namespace: string;
  metricName: string;
  statistics: MetricStatistic[];
  /**
   * "always": every resource of the kind has it (AWS publishes it). "listed": only where ListMetrics shows it
   * (the CloudWatch agent's memory, the flow-log aggregate), queried with the dimensions ListMetrics gives.
   */
  presence: "always" | "listed";
  /** for a listed metric with an extra dimension: the dimension whose value suffixes the stored name */
  splitBy?: string;
  /**
   * Store a day without datapoints as a row with `samples` 0: for a metric whose absence is the fact the
   * reader needs (a detached volume publishes nothing), a stored "none that day" tells it apart from a
   * day that was never fetched.
   */
  recordSilentDays?: boolean;
}

export const CWAGENT_NAMESPACE = "CWAgent";
export const FLOW_LOG_NAMESPACE = "CostLens/NatFlowLogs";

/** The dimension that names the resource in each namespace CostLens reads, per resource kind. */
export const RESOURCE_DIMENSION = {
  EC2_INSTANCE: "InstanceId",
  RDS_INSTANCE: "DBInstanceIdentifier",
  NAT_GATEWAY: "NatGatewayId",
  EBS_VOLUME: "VolumeId",
} as const satisfies Partial<Record<ResourceKind, string>>;

export type MeteredKind = keyof typeof RESOURCE_DIMENSION;
export const METERED_KINDS = Object.keys(RESOURCE_DIMENSION) as MeteredKind[];

export const METRIC_CATALOG: Record<MeteredKind, MetricSpec[]> = {
  EC2_INSTANCE: [
    {
      namespace: "AWS/EC2",
      metricName: "CPUUtilization",
      statistics: ["Average", "Maximum", "p95", "SampleCount"],
      presence: "always",
    },
    { namespace: "AWS/EC2", metricName: "NetworkIn", statistics: ["Sum"], presence: "always" },
    { namespace: "AWS/EC2", metricName: "NetworkOut", statistics: ["Sum"], presence: "always" },
    {
      namespace: CWAGENT_NAMESPACE,
      metricName: "mem_used_percent",
      statistics: ["Average", "Maximum", "p95"],
      presence: "listed",
    },
  ],
  RDS_INSTANCE: [
    {
      namespace: "AWS/RDS",
      metricName: "CPUUtilization",
      statistics: ["Average", "Maximum", "p95"],
      presence: "always",
    },
    { namespace: "AWS/RDS", metricName: "DatabaseConnections", statistics: ["Average", "Maximum"], presence: "always" },
    { namespace: "AWS/RDS", metricName: "ReadIOPS", statistics: ["Average", "Maximum"], presence: "always" },
  ],
  NAT_GATEWAY: [
    { namespace: "AWS/NATGateway", metricName: "BytesOutToDestination", statistics: ["Sum"], presence: "always" },
    { namespace: "AWS/NATGateway", metricName: "BytesInFromSource", statistics: ["Sum"], presence: "always" },
    {
      namespace: FLOW_LOG_NAMESPACE,
      metricName: "BytesToService",
      statistics: ["Sum"],
      presence: "listed",
      splitBy: "Service",
    },
  ],
  EBS_VOLUME: [
    {
      namespace: "AWS/EBS",
      metricName: "VolumeReadOps",
      statistics: ["Sum", "SampleCount"],
      presence: "always",
      recordSilentDays: true,
    },
    {
      namespace: "AWS/EBS",
      metricName: "VolumeWriteOps",
      statistics: ["Sum", "SampleCount"],
      presence: "always",
      recordSilentDays: true,
    },
  ],
};

export const EBS_ACTIVITY_METRICS = ["AWS/EBS/VolumeReadOps", "AWS/EBS/VolumeWriteOps"] as const;

/** "AWS/EC2/CPUUtilization", or "CostLens/NatFlowLogs/BytesToService:s3" for a split metric. */
export function storedMetricName(spec: Pick<MetricSpec, "namespace" | "metricName">, split?: string): string {
  const base = `${spec.namespace}/${spec.metricName}`;
  return split === undefined ? base : `${base}:${split}`;
}

/** The stored names of the NAT flow-log split, one per destination (absent in an account without the pipeline). */
export const NAT_FLOW_LOG_SERVICES = ["s3", "dynamodb", "ecr", "ssm", "internet"] as const;
