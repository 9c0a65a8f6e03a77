// Hand-built detection facts for the detector unit tests: a small world with defaults that tests override.
import { Decimal } from "@/lib/db/decimal";
import type { PriceKind, ResourceKind } from "@/lib/db/generated/enums";
import { addDays } from "@/lib/format/dates";
import type { DetectionFacts, MetricFact, PriceFact, ResourceFact } from "@/lib/waste/detection-facts";
import { defaultThresholds } from "@/lib/waste/thresholds";

export const TODAY = "2026-11-20";
export const THROUGH = "2026-11-19";
export const LONG_AGO = new Date("2025-01-01T00:00:00Z");
/** the 14 lookback days, oldest first */
export const DAYS = Array.from({ length: 14 }, (_, i) => addDays(THROUGH, i - 13));

let serial = 0;

export function resource(kind: ResourceKind, overrides: Partial<ResourceFact> = {}): ResourceFact {
  serial++;
  return {
    id: `r${serial}`,
    kind,
    resourceId: `${kind.toLowerCase()}-${serial}`,
    accountId: "111111111111",
    region: "us-east-1",
    name: null,
    state: "running",
    sizeType: null,
    tags: {},
    teamTag: "checkout",
    environmentTag: "production",
    attributes: {},
    launchedAt: LONG_AGO,
    stateChangedAt: LONG_AGO,
    firstSeenAt: LONG_AGO,
    ...overrides,
  };
}

export function instance(overrides: Partial<ResourceFact> = {}, attributes: Record<string, unknown> = {}) {
  return resource("EC2_INSTANCE", {
    sizeType: "m5.xlarge",
    ...overrides,
    attributes: {
      architecture: "x86_64",
      az: "us-east-1a",
      vpcId: "vpc-1",
      subnetId: "subnet-1",
      asgName: null,
      eksCluster: null,
      eksNodegroup: null,
      targetGroupArns: [],
      volumeIds: [],
      platform: "Linux/UNIX",
      ...attributes,
    },
  });
}

export function volume(overrides: Partial<ResourceFact> = {}, attributes: Record<string, unknown> = {}) {
  return resource("EBS_VOLUME", {
    state: "in-use",
    sizeType: "gp2",
    ...overrides,
    attributes: {
      sizeGiB: 100,
      volumeType: "gp2",
      az: "us-east-1a",
      attachedInstanceId: null,
      createTime: "2025-01-01T00:00:00.000Z",
      detachedAt: null,
      ...attributes,
    },
  });
}

/** One metric, one row a day over the lookback; `value` gives the row's columns for day i. */
export function daily(
  metric: string,
  value: (i: number) => Partial<Omit<MetricFact, "metric" | "day">>,
  days: readonly string[] = DAYS,
): MetricFact[] {
  return days.map((day, i) => ({
    metric,
    day,
    average: null,
    maximum: null,
    p95: null,
    sum: null,
    samples: 288,
    ...value(i),
  }));
}

export function price(kind: PriceKind, key: string, usd: string, region = "us-east-1"): PriceFact {
  const units: Record<PriceKind, string> = {
    EC2_INSTANCE_HOUR: "Hrs",
    EBS_GB_MONTH: "GB-Mo",
    NAT_HOUR: "Hrs",
    NAT_GB: "GB",
    ENDPOINT_HOUR: "Hrs",
    ENDPOINT_GB: "GB",
    RDS_INSTANCE_HOUR: "Hrs",
    RDS_STORAGE_GB_MONTH: "GB-Mo",
  };
  return { kind, region, key, unit: units[kind], usdPerUnit: new Decimal(usd), effectiveDate: "2025-11-01" };
}

export const STANDARD_PRICES: PriceFact[] = [
  price("EC2_INSTANCE_HOUR", "m5.large", "0.096"),
  price("EC2_INSTANCE_HOUR", "m5.xlarge", "0.192"),
  price("EC2_INSTANCE_HOUR", "m5.2xlarge", "0.384"),
  price("EC2_INSTANCE_HOUR", "m5.4xlarge", "0.768"),
  price("EC2_INSTANCE_HOUR", "m6g.xlarge", "0.154"),
  price("EC2_INSTANCE_HOUR", "m6g.2xlarge", "0.308"),
  price("EBS_GB_MONTH", "gp2", "0.10"),
  price("EBS_GB_MONTH", "gp3", "0.08"),
  price("NAT_HOUR", "", "0.045"),
  price("NAT_GB", "", "0.045"),
  price("ENDPOINT_HOUR", "", "0.01"),
  price("ENDPOINT_GB", "", "0.01"),
  price("RDS_INSTANCE_HOUR", "db.r5.large|postgres|single-az", "0.25"),
  price("RDS_STORAGE_GB_MONTH", "gp2|postgres|single-az", "0.115"),
];

export function facts(
  resources: ResourceFact[],
  metrics: Record<string, MetricFact[]> = {},
  overrides: Partial<DetectionFacts> = {},
): DetectionFacts {
  return {
    today: TODAY,
    metricsThrough: THROUGH,
    thresholds: defaultThresholds,
    resources,
    metrics: new Map(Object.entries(metrics)),
    prices: STANDARD_PRICES,
    ...overrides,
  };
}
