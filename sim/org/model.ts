// The sandbox organisation: one in-memory model from which every API answer of the sandbox is derived,
// so Cost Explorer, OpenCost, inventory, metrics and Terraform always agree with each other.
//
// Conventions (every module under sim/ relies on them):
// - Day: a UTC calendar date "YYYY-MM-DD". Cost data covers [org.start, org.today): today is open.
// - Micros: money as an integer number of micro-dollars (1e-6 USD). Sums stay exact well past $9e9, and
//   a Micros renders to an AWS-style decimal string without float rounding.
// - A resource that "goes away" (terminated, deleted, merged away by a pull request) keeps its record with
//   goneDay set: costs and metrics stop on that day, inventory APIs stop listing it (EC2 lists terminated
//   instances for a while, as AWS does).
// - Fields may be added; none is renamed or removed without changing every reader.

export type Day = string;
export type Micros = number;
export type Tags = Record<string, string>;

/** The six environments of the case study's company. */
export type Environment = "production" | "staging" | "dev" | "qa" | "perf" | "shared";

/** Who manages a resource: planted console-made resources are "not managed by Terraform". */
export type ManagedBy = "terraform" | "console";

export interface Squad {
  slug: string; // the `team` tag value, e.g. "checkout"
  name: string; // "Checkout"
  costCentre: string; // the `cost-centre` tag value, e.g. "CC-1040"
}

export interface Account {
  id: string; // 12 digits
  name: string; // "shop-production"
  environment: Environment;
  ownerSquad?: string; // account ownership rule for allocation (squad slug); shared accounts have none
}

export interface Vpc {
  id: string;
  accountId: string;
  region: string;
  cidr: string;
  environment: Environment;
  tags: Tags;
}

export interface Subnet {
  id: string;
  vpcId: string;
  accountId: string;
  region: string;
  az: string;
  cidr: string;
  isPrivate: boolean;
  tags: Tags;
}

export interface RouteTable {
  id: string;
  vpcId: string;
  accountId: string;
  region: string;
  subnetIds: string[];
  natGatewayId?: string; // default route of a private table
  tags: Tags;
}

export type EndpointService = "s3" | "dynamodb" | "ecr.api" | "ecr.dkr" | "ssm";

export interface VpcEndpoint {
  id: string;
  vpcId: string;
  accountId: string;
  region: string;
  service: EndpointService;
  serviceName: string; // "com.amazonaws.us-east-1.s3"
  type: "Gateway" | "Interface";
  routeTableIds: string[]; // gateway endpoints
  subnetIds: string[]; // interface endpoints
  createdDay: Day;
  goneDay?: Day;
  managedBy: ManagedBy;
  tags: Tags;
}

/** Bytes per day a NAT gateway processes, by where the traffic goes. */
export interface NatTraffic {
  s3: number;
  dynamodb: number;
  ecr: number;
  ssm: number;
  internet: number;
}

export interface NatGateway {
  id: string;
  vpcId: string;
  subnetId: string;
  accountId: string;
  region: string;
  createdDay: Day;
  goneDay?: Day;
  bytesPerDay: NatTraffic;
  managedBy: ManagedBy;
  tags: Tags;
}

export interface EksCluster {
  name: string;
  arn: string;
  accountId: string;
  region: string;
  environment: Environment;
  vpcId: string;
  nodeGroupName: string;
  nodeInstanceType: string; // "m5.2xlarge"
  nodeInstanceIds: string[];
  tags: Tags;
  /** Scale-to-zero schedules of the node group added by merged pull requests. */
  schedules?: ScalingSchedule[];
}

export interface Namespace {
  cluster: string;
  name: string;
  squad?: string; // the namespace's `team` label; platform namespaces have none
  workloads: number; // deployments + statefulsets
  cpuShare: number; // fraction of the cluster's allocatable CPU requested, 0..1 (all namespaces sum < 1: the rest is idle)
  ramShare: number; // fraction of allocatable RAM requested
  cpuEfficiency: number; // usage / request, 0..1
  ramEfficiency: number;
  labels: Tags;
}

/** How busy a resource is: metrics are derived from it deterministically (see sim metric helpers). */
export interface UtilisationProfile {
  cpuMean: number; // percent
  cpuP95: number; // percent
  cpuMax: number; // percent
  networkInBytesPerDay: number;
  networkOutBytesPerDay: number;
  memoryP95?: number; // percent; only where a CloudWatch agent reports memory
  businessHoursOnly?: boolean; // busy 08:00-19:00 weekdays, idle otherwise
}

export interface Ec2Instance {
  id: string;
  accountId: string;
  region: string;
  az: string;
  vpcId: string;
  subnetId: string;
  instanceType: string;
  architecture: "x86_64" | "arm64";
  state: "running" | "stopped";
  launchDay: Day;
  stateChangeDay: Day; // when it entered its current state (StateTransitionReason carries it)
  goneDay?: Day; // terminated
  asgName?: string;
  clusterName?: string; // an EKS node of this cluster
  targetGroupArns: string[];
  volumeIds: string[];
  usage: UtilisationProfile;
  managedBy: ManagedBy;
  tags: Tags; // team, environment, cost-centre on most; `arm-ready=true` where the workload runs on Graviton
  /** Every type it has had, oldest first, when a merged pull request resized it (costs follow it by day). */
  typeHistory?: TypeChange[];
}

export interface EbsVolume {
  id: string;
  accountId: string;
  region: string;
  az: string;
  sizeGiB: number;
  volumeType: "gp2" | "gp3" | "io1" | "st1";
  state: "in-use" | "available";
  attachedInstanceId?: string;
  createDay: Day;
  detachedDay?: Day; // when it became available
  goneDay?: Day;
  managedBy: ManagedBy;
  tags: Tags;
}

export interface DbInstance {
  identifier: string;
  arn: string;
  accountId: string;
  region: string;
  az: string;
  instanceClass: string; // "db.r5.xlarge"
  engine: "postgres" | "mysql";
  engineVersion: string;
  storageGiB: number;
  multiAz: boolean;
  replicaSourceIdentifier?: string; // set on read replicas
  createDay: Day;
  goneDay?: Day;
  usage: { cpuMean: number; connectionsMax: number; connectionsMean: number; readIopsMean: number };
  managedBy: ManagedBy;
  tags: Tags;
  /** Every instance class it has had, oldest first, when a merged pull request resized it. */
  classHistory?: TypeChange[];
}

export interface TargetGroup {
  arn: string;
  name: string;
  accountId: string;
  region: string;
  vpcId: string;
  instanceIds: string[];
}

export interface AutoScalingGroup {
  name: string;
  arn: string;
  accountId: string;
  region: string;
  instanceIds: string[];
  warmPoolInstanceIds: string[]; // stopped instances kept warm: not waste
  tags: Tags;
  /** Scheduled scaling added by merged pull requests (non-prod off hours). */
  schedules?: ScalingSchedule[];
}

/** A type (instance type or DB instance class) a resource has from a day on. */
export interface TypeChange {
  fromDay: Day;
  type: string;
}

/** One `aws_autoscaling_schedule`: from `fromDay`, at each `recurrence` (cron, UTC unless timeZone), the
 * group is set to these sizes. A pair (evening to 0, morning back) makes an off-hours schedule. */
export interface ScalingSchedule {
  name: string;
  recurrence: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  timeZone?: string;
  fromDay: Day;
}

export type PriceKind =
  | "ec2-instance-hour"
  | "ebs-gb-month"
  | "nat-hour"
  | "nat-gb"
  | "endpoint-hour"
  | "endpoint-gb"
  | "rds-instance-hour"
  | "rds-storage-gb-month";

export interface Price {
  sku: string;
  kind: PriceKind;
  region: string;
  key: string; // instance type, volume type, DB instance class; "" where the kind has no key
  unit: "Hrs" | "GB-Mo" | "GB";
  usdPerUnit: string; // exact decimal string, as the Price List API serves it
  effectiveDate: Day;
  deployment?: "single-az" | "multi-az"; // RDS instance-hour and storage prices only
}

export type WasteType =
  | "zombie-instance"
  | "stopped-instance"
  | "orphan-volume"
  | "idle-replica"
  | "nat-waste"
  | "rightsizing"
  | "non-prod-always-on";

/** Ground truth: what the generator planted, for tests and benchmarks only (served at /_sim/truth). */
export interface PlantedWaste {
  type: WasteType;
  resourceId: string; // instance id, volume id, DB identifier, NAT gateway id, cluster name or ASG name
  monthlySavingMicros: Micros; // 730 hours a month
  detail: string;
}

export interface Decoy {
  looksLike: WasteType;
  resourceId: string;
  why: string; // why it is not waste: "heavy network traffic", "in target group ...", ...
}

/**
 * Spend that is not one inventory resource (support, S3, CloudWatch, data transfer, EKS control planes,
 * ElastiCache, ...): a flat monthly amount accrued per day, shaped by weekday and by growth over time.
 */
export interface ServiceCharge {
  service: string; // Cost Explorer SERVICE dimension value
  usageType: string;
  recordType: "Usage" | "Support";
  accountId: string;
  region: string; // "global" for services without one
  resourceId?: string;
  monthlyMicros: Micros; // the run rate (730 hours) reached on anchorDay; flat after it
  anchorDay: Day; // the generation's today: history is shaped relative to it, so moving the clock changes no past day
  growthPerYear: number; // 0.2 = the daily amount a year before anchorDay was 20% lower
  weekdayShape: boolean; // weekends 15% lower
  createdDay: Day;
  tags: Tags;
}

export interface Organisation {
  seed: number;
  scale: number;
  today: Day; // cost data ends the day before
  start: Day; // first day of cost data (first of the month, `months` months back)
  squads: Squad[];
  accounts: Account[];
  regions: string[];
  vpcs: Vpc[];
  subnets: Subnet[];
  routeTables: RouteTable[];
  vpcEndpoints: VpcEndpoint[];
  natGateways: NatGateway[];
  clusters: EksCluster[];
  namespaces: Namespace[];
  instances: Ec2Instance[];
  volumes: EbsVolume[];
  dbInstances: DbInstance[];
  targetGroups: TargetGroup[];
  autoScalingGroups: AutoScalingGroup[];
  prices: Price[];
  planted: PlantedWaste[];
  decoys: Decoy[];
  serviceCharges?: ServiceCharge[]; // optional so hand-built test organisations stay small
}
