// Spend that is not one inventory resource: support, S3, CloudWatch, data transfer, ElastiCache, ... and
// the EKS control planes. Sized so that the whole bill runs at about $280K a month per unit: whatever the
// resources do not account for is spread over these services by fixed weights (never below 20% of the
// bill, so the mix stays realistic when resources are dearer).
import { addDays } from "./days";
import type { Micros, ServiceCharge, Tags } from "./model";
import { HOURS_PER_MONTH } from "./prices";
import { PLATFORM_SQUAD, PRODUCT_SQUADS, squadBySlug } from "./squads";
import { accountFor, standardTags, type AccountRole, type UnitContext } from "./unit-context";

export const MONTHLY_BILL_PER_UNIT_MICROS: Micros = 280_000_000_000;
const EKS_CONTROL_PLANE_HOURLY_MICROS = 100_000;

interface ChargeLayout {
  service: string;
  usageType: string;
  weight: number;
  split: "squads" | "accounts" | "one";
  role?: AccountRole;
  region?: string;
  recordType?: "Support";
  tagged: boolean;
  growthPerYear: number;
  resourceId?: string;
  owner?: string;
}

const CHARGES: readonly ChargeLayout[] = [
  {
    service: "Amazon Simple Storage Service",
    usageType: "TimedStorage-ByteHrs",
    weight: 0.22,
    split: "squads",
    role: "production",
    tagged: true,
    growthPerYear: 0.3,
  },
  {
    service: "Amazon Simple Storage Service",
    usageType: "Requests-Tier1",
    weight: 0.08,
    split: "one",
    role: "production-data",
    tagged: false,
    growthPerYear: 0.3,
  },
  {
    service: "AWS Support (Business)",
    usageType: "Dollar",
    weight: 0.17,
    split: "one",
    role: "shared-services",
    region: "global",
    recordType: "Support",
    tagged: false,
    growthPerYear: 0.15,
  },
  {
    service: "AmazonCloudWatch",
    usageType: "CW:MetricMonitorUsage",
    weight: 0.11,
    split: "accounts",
    tagged: false,
    growthPerYear: 0.25,
  },
  {
    service: "AWS Data Transfer",
    usageType: "DataTransfer-Out-Bytes",
    weight: 0.14,
    split: "one",
    role: "production",
    tagged: false,
    growthPerYear: 0.3,
  },
  {
    service: "Amazon ElastiCache",
    usageType: "NodeUsage:cache.r6g.4xlarge",
    weight: 0.06,
    split: "one",
    role: "production",
    tagged: true,
    growthPerYear: 0,
    resourceId: "checkout-redis",
    owner: "checkout",
  },
  {
    service: "Amazon DynamoDB",
    usageType: "TimedStorage-ByteHrs",
    weight: 0.05,
    split: "squads",
    role: "production",
    tagged: true,
    growthPerYear: 0.2,
  },
  {
    service: "Amazon Elastic Load Balancing",
    usageType: "LoadBalancerUsage",
    weight: 0.05,
    split: "one",
    role: "production",
    tagged: true,
    growthPerYear: 0.1,
    owner: PLATFORM_SQUAD,
  },
  {
    service: "AWS Lambda",
    usageType: "Lambda-GB-Second",
    weight: 0.03,
    split: "squads",
    role: "production",
    tagged: true,
    growthPerYear: 0.4,
  },
  {
    service: "Amazon Simple Queue Service",
    usageType: "Requests-Tier1",
    weight: 0.02,
    split: "one",
    role: "production",
    tagged: true,
    growthPerYear: 0.2,
    owner: "orders",
  },
  {
    service: "Amazon EC2 Container Registry (ECR)",
    usageType: "TimedStorage-ByteHrs",
    weight: 0.02,
    split: "one",
    role: "shared-services",
    tagged: true,
    growthPerYear: 0.2,
    owner: PLATFORM_SQUAD,
  },
  {
    service: "Amazon GuardDuty",
    usageType: "PaidEventsAnalyzed",
    weight: 0.02,
    split: "one",
    role: "security",
    tagged: false,
    growthPerYear: 0.1,
  },
  {
    service: "Amazon Route 53",
    usageType: "HostedZone",
    weight: 0.01,
    split: "one",
    role: "shared-services",
    region: "global",
    tagged: false,
    growthPerYear: 0,
  },
  {
    service: "AWS Key Management Service",
    usageType: "KMS-Requests",
    weight: 0.01,
    split: "one",
    role: "security",
    tagged: false,
    growthPerYear: 0.1,
  },
];

/**
 * Adds the unit's service charges. `otherSpendMonthlyMicros` is this unit's share of what the resources
 * do not cover of the target bill.
 */
export function generateServiceCharges(ctx: UnitContext, otherSpendMonthlyMicros: Micros): ServiceCharge[] {
  const charges: ServiceCharge[] = [];
  const createdDay = addDays(ctx.org.start, -30);
  const budget = Math.max(otherSpendMonthlyMicros, MONTHLY_BILL_PER_UNIT_MICROS * 0.2);
  const totalWeight = CHARGES.reduce((sum, c) => sum + c.weight, 0);
  const add = (layout: ChargeLayout, accountRole: AccountRole, monthlyMicros: Micros, tags: Tags) => {
    const account = accountFor(ctx, accountRole);
    charges.push({
      service: layout.service,
      usageType: layout.usageType,
      recordType: layout.recordType ?? "Usage",
      accountId: account.id,
      region: layout.region ?? "us-east-1",
      ...(layout.resourceId ? { resourceId: `${layout.resourceId}${ctx.suffix}` } : {}),
      monthlyMicros: Math.round(monthlyMicros),
      anchorDay: ctx.today,
      growthPerYear: layout.growthPerYear,
      weekdayShape: layout.split !== "one" || layout.service === "AWS Data Transfer",
      createdDay,
      tags,
    });
  };
  for (const layout of CHARGES) {
    const monthly = (budget * layout.weight) / totalWeight;
    const role = layout.role ?? "production";
    if (layout.split === "squads") {
      const weights = PRODUCT_SQUADS.map(() => ctx.random.float(0.5, 1.5));
      const sum = weights.reduce((a, b) => a + b, 0);
      PRODUCT_SQUADS.forEach((squad, i) => {
        const untagged = ctx.random.chance(0.15);
        add(
          layout,
          role,
          (monthly * (weights[i] ?? 0)) / sum,
          standardTags(squad, "production", `${squad.slug}-${layout.usageType}`, untagged),
        );
      });
    } else if (layout.split === "accounts") {
      const roles = [...ctx.accounts.keys()];
      for (const accountRole of roles) add(layout, accountRole, monthly / roles.length, {});
    } else {
      const owner = layout.owner ? squadBySlug(layout.owner) : undefined;
      add(
        layout,
        role,
        monthly,
        layout.tagged && owner ? standardTags(owner, "production", layout.resourceId ?? layout.service) : {},
      );
    }
  }
  const platform = squadBySlug(PLATFORM_SQUAD);
  const unitAccountIds = new Set([...ctx.accounts.values()].map((a) => a.id));
  for (const cluster of ctx.org.clusters.filter((c) => unitAccountIds.has(c.accountId))) {
    charges.push({
      service: "Amazon Elastic Container Service for Kubernetes",
      usageType: "AmazonEKS-Hours:perCluster",
      recordType: "Usage",
      accountId: cluster.accountId,
      region: cluster.region,
      resourceId: cluster.arn,
      monthlyMicros: EKS_CONTROL_PLANE_HOURLY_MICROS * HOURS_PER_MONTH,
      anchorDay: ctx.today,
      growthPerYear: 0,
      weekdayShape: false,
      createdDay,
      tags: standardTags(platform, cluster.environment, cluster.name),
    });
  }
  return charges;
}
