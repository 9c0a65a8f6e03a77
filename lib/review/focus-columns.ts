// The month's allocated cost as FOCUS (FinOps Open Cost and Usage Specification, v1.0) rows: one row per
// allocated_cost_daily row, a one-day charge period, amounts as exact decimals, datetimes ISO 8601 UTC.
// The allocation keeps the unblended amount only and the bill carries no commitment discounts at this grain,
// so BilledCost, EffectiveCost, ListCost and ContractedCost are the same figure. CostLens's own columns
// (squad, owner, Kubernetes placement, allocation rule) use the spec's `x_` prefix for custom columns.
import { addDays, type IsoDay } from "../format/dates";
import type { MonthBounds } from "./review-month";

export type FocusType = "decimal" | "datetime" | "string" | "json";

export interface FocusColumn {
  name: string;
  type: FocusType;
  /** the spec allows null */
  nullable: boolean;
  /** FOCUS v1.0 marks it Mandatory */
  mandatory: boolean;
}

export const FOCUS_COLUMNS: readonly FocusColumn[] = [
  { name: "BilledCost", type: "decimal", nullable: false, mandatory: true },
  { name: "BillingAccountId", type: "string", nullable: false, mandatory: true },
  { name: "BillingAccountName", type: "string", nullable: true, mandatory: true },
  { name: "BillingCurrency", type: "string", nullable: false, mandatory: true },
  { name: "BillingPeriodEnd", type: "datetime", nullable: false, mandatory: true },
  { name: "BillingPeriodStart", type: "datetime", nullable: false, mandatory: true },
  { name: "ChargeCategory", type: "string", nullable: false, mandatory: true },
  { name: "ChargeClass", type: "string", nullable: true, mandatory: true },
  { name: "ChargeDescription", type: "string", nullable: true, mandatory: true },
  { name: "ChargeFrequency", type: "string", nullable: true, mandatory: false },
  { name: "ChargePeriodEnd", type: "datetime", nullable: false, mandatory: true },
  { name: "ChargePeriodStart", type: "datetime", nullable: false, mandatory: true },
  { name: "ContractedCost", type: "decimal", nullable: false, mandatory: true },
  { name: "EffectiveCost", type: "decimal", nullable: false, mandatory: true },
  { name: "InvoiceIssuerName", type: "string", nullable: false, mandatory: true },
  { name: "ListCost", type: "decimal", nullable: false, mandatory: true },
  { name: "ProviderName", type: "string", nullable: false, mandatory: true },
  { name: "PublisherName", type: "string", nullable: false, mandatory: true },
  { name: "RegionId", type: "string", nullable: true, mandatory: false },
  { name: "ServiceCategory", type: "string", nullable: false, mandatory: true },
  { name: "ServiceName", type: "string", nullable: false, mandatory: true },
  { name: "SubAccountId", type: "string", nullable: true, mandatory: false },
  { name: "SubAccountName", type: "string", nullable: true, mandatory: false },
  { name: "Tags", type: "json", nullable: true, mandatory: false },
  { name: "x_OwnerType", type: "string", nullable: false, mandatory: false },
  { name: "x_Squad", type: "string", nullable: true, mandatory: false },
  { name: "x_KubernetesCluster", type: "string", nullable: true, mandatory: false },
  { name: "x_KubernetesNamespace", type: "string", nullable: true, mandatory: false },
  { name: "x_AllocationRule", type: "string", nullable: false, mandatory: false },
];

export const FOCUS_HEADER = FOCUS_COLUMNS.map((column) => column.name);

/** FOCUS v1.0's ServiceCategory values that AWS services fall into. */
export const SERVICE_CATEGORIES = [
  "AI and Machine Learning",
  "Analytics",
  "Compute",
  "Databases",
  "Developer Tools",
  "Integration",
  "Management and Governance",
  "Networking",
  "Security",
  "Storage",
  "Other",
] as const;

type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

const categoryPatterns: Array<[RegExp, ServiceCategory]> = [
  [/sagemaker|bedrock|comprehend|rekognition|textract/i, "AI and Machine Learning"],
  [/athena|glue|kinesis|emr|redshift|opensearch|elasticsearch|quicksight/i, "Analytics"],
  [/rds|relational database|dynamodb|elasticache|aurora|documentdb|neptune|memorydb/i, "Databases"],
  [/s3|simple storage|ebs|elastic block|efs|elastic file|glacier|backup|storage gateway/i, "Storage"],
  [
    /vpc|virtual private cloud|cloudfront|route 53|load balanc|elb|nat gateway|data transfer|direct connect|transit gateway|api gateway/i,
    "Networking",
  ],
  [/cloudwatch|cloudtrail|config|systems manager|cloudformation|organizations/i, "Management and Governance"],
  [/kms|key management|waf|guardduty|secrets manager|shield|security hub|inspector|certificate manager/i, "Security"],
  [/sqs|simple queue|sns|simple notification|eventbridge|step functions|mq\b/i, "Integration"],
  [/codebuild|codepipeline|codecommit|codeartifact/i, "Developer Tools"],
  [/ec2|elastic compute|lambda|eks|kubernetes|ecs|container|fargate|lightsail|batch|ecr/i, "Compute"],
];

export function serviceCategory(service: string): ServiceCategory {
  return categoryPatterns.find(([pattern]) => pattern.test(service))?.[1] ?? "Other";
}

/** One allocated_cost_daily row with its account's name. */
export interface AllocatedCostRow {
  day: IsoDay;
  ownerType: "SQUAD" | "SHARED" | "IDLE" | "UNALLOCATED";
  squad: string;
  accountId: string;
  accountName: string | null;
  service: string;
  cluster: string;
  namespace: string;
  rule: string;
  /** exact decimal */
  amount: string;
}

export type FocusRow = Record<string, string | null>;

const instant = (day: IsoDay) => `${day}T00:00:00Z`;

function describeCharge(row: AllocatedCostRow): string {
  const placement = row.namespace ? ` (Kubernetes ${row.cluster}/${row.namespace})` : "";
  const owner =
    row.ownerType === "SQUAD"
      ? `squad ${row.squad}`
      : row.ownerType === "SHARED"
        ? "shared costs"
        : row.ownerType === "IDLE"
          ? "cluster idle capacity"
          : "unallocated";
  return `${row.service}${placement}, allocated to ${owner} by the ${row.rule} rule`;
}

/**
 * One FOCUS row. The linked account is both BillingAccountId and SubAccountId: the Cost Explorer data
 * CostLens ingests is grouped by linked account and does not carry the payer account.
 */
export function toFocusRow(row: AllocatedCostRow, month: MonthBounds): FocusRow {
  const amount = row.amount;
  return {
    BilledCost: amount,
    BillingAccountId: row.accountId,
    BillingAccountName: row.accountName,
    BillingCurrency: "USD",
    BillingPeriodEnd: instant(month.to),
    BillingPeriodStart: instant(month.from),
    ChargeCategory: /\btax\b/i.test(row.service) ? "Tax" : "Usage",
    ChargeClass: null,
    ChargeDescription: describeCharge(row),
    ChargeFrequency: "Usage-Based",
    ChargePeriodEnd: instant(addDays(row.day, 1)),
    ChargePeriodStart: instant(row.day),
    ContractedCost: amount,
    EffectiveCost: amount,
    InvoiceIssuerName: "Amazon Web Services",
    ListCost: amount,
    ProviderName: "Amazon Web Services",
    PublisherName: "Amazon Web Services",
    RegionId: null,
    ServiceCategory: serviceCategory(row.service),
    ServiceName: row.service,
    SubAccountId: row.accountId,
    SubAccountName: row.accountName,
    Tags: JSON.stringify(row.rule === "team-tag" ? { team: row.squad } : {}),
    x_OwnerType: row.ownerType,
    x_Squad: row.squad || null,
    x_KubernetesCluster: row.cluster || null,
    x_KubernetesNamespace: row.namespace || null,
    x_AllocationRule: row.rule,
  };
}

/** The row's values in header order, ready for a CSV line. */
export function focusValues(row: FocusRow): Array<string | null> {
  return FOCUS_HEADER.map((name) => row[name] ?? null);
}
