// What a reviewer reads: the pull request's title, its body (why, the evidence, the saving, the plan to
// expect, risks and rollback), the commit message and the labels. Pure functions of the fix plan and the
// recommendations, so the text is the same on every retry and can be tested without GitHub.
import type { RecommendationType } from "../db/generated/enums";
import { Decimal } from "../db/decimal";
import { formatUsd } from "../format/money";
import type { ExpectedPlan, FixPlan } from "../terraform/fix-plan";
import type { Evidence, MetricSeries } from "../waste/evidence";
import { typeSlug } from "../waste/recommendation-types";

export interface PullRequestSubject {
  id: string;
  type: RecommendationType;
  resourceId: string;
  accountId: string;
  region: string;
  /** exact decimal string */
  monthlySaving: string;
  evidence: Evidence | null;
}

export interface PullRequestText {
  title: string;
  body: string;
  commitMessage: string;
  labels: string[];
}

const NOUN: Record<RecommendationType, [string, string]> = {
  ZOMBIE_INSTANCE: ["zombie instance", "zombie instances"],
  STOPPED_INSTANCE: ["long-stopped instance", "long-stopped instances"],
  ORPHAN_VOLUME: ["orphan EBS volume", "orphan EBS volumes"],
  IDLE_REPLICA: ["idle RDS read replica", "idle RDS read replicas"],
  NAT_WASTE: ["NAT traffic of VPC", "NAT traffic of VPCs"],
  RIGHTSIZING: ["oversized instance", "oversized instances"],
  NON_PROD_ALWAYS_ON: ["always-on non-production group", "always-on non-production groups"],
};

const VERB: Record<RecommendationType, string> = {
  ZOMBIE_INSTANCE: "Delete",
  STOPPED_INSTANCE: "Delete",
  ORPHAN_VOLUME: "Delete",
  IDLE_REPLICA: "Delete",
  NAT_WASTE: "Add VPC endpoints for",
  RIGHTSIZING: "Resize",
  NON_PROD_ALWAYS_ON: "Schedule off-hours for",
};

const DELETES = new Set<RecommendationType>(["ZOMBIE_INSTANCE", "STOPPED_INSTANCE", "ORPHAN_VOLUME", "IDLE_REPLICA"]);

const RISKS: Record<RecommendationType, string[]> = {
  ZOMBIE_INSTANCE: [
    "Deleting the instance deletes its root volume and any volume marked delete-on-termination: that data is gone. Snapshot the volumes first if anything on them may be needed.",
    "Anything that still calls the instance by IP or DNS name stops getting answers; the evidence shows no meaningful traffic over the window.",
  ],
  STOPPED_INSTANCE: [
    "Deleting the instance deletes its volumes marked delete-on-termination: that data is gone. Snapshot them first if anything on them may be needed.",
  ],
  ORPHAN_VOLUME: [
    "Deleting the volume deletes its data for good. Take a snapshot first (`aws ec2 create-snapshot --volume-id <id>`) if it may be needed; a snapshot costs far less than the volume.",
  ],
  IDLE_REPLICA: [
    "Deleting the replica removes a read endpoint: any client configured with its address will fail to connect. The primary and its data are untouched.",
  ],
  NAT_WASTE: [
    "Traffic to the services moves from the NAT gateway to the endpoints once the route tables change; a restrictive bucket or endpoint policy can block it. Interface endpoints bill per hour and per GB, which the saving already accounts for.",
  ],
  RIGHTSIZING: [
    "Changing the instance type stops and starts the instance (for RDS: a reboot, or a failover with Multi-AZ): plan it in a maintenance window.",
    "The new size was chosen so projected p95 CPU stays under 60%; watch the metrics after the change.",
  ],
  NON_PROD_ALWAYS_ON: [
    "The resources scale to zero outside 08:00–19:00 on weekdays and all weekend: anyone working off-hours in this environment loses it until the next scale-up.",
  ],
};

/** "Plan: 0 to add, 0 to change, 1 to destroy.", as `terraform plan` prints it. */
export function planLine(plan: ExpectedPlan): string {
  return `Plan: ${plan.add} to add, ${plan.change} to change, ${plan.destroy} to destroy.`;
}

export function totalSaving(subjects: PullRequestSubject[]): Decimal {
  return subjects.reduce((sum, subject) => sum.add(subject.monthlySaving), new Decimal(0));
}

/** "$1,234.57/month" */
export function formatMonthlySaving(amount: Decimal | string): string {
  return `${formatUsd(amount.toString())}/month`;
}

export function pullRequestTitle(plan: Pick<FixPlan, "type" | "rootModule">, subjects: PullRequestSubject[]): string {
  const saving = formatMonthlySaving(totalSaving(subjects));
  const [one, many] = NOUN[plan.type];
  const what =
    subjects.length === 1
      ? `${one} ${subjects[0]!.resourceId}`
      : `${subjects.length} ${many} in ${plan.rootModule || "the root module"}`;
  return `CostLens: ${VERB[plan.type].toLowerCase()} ${what} (saves ${saving})`;
}

function describeSeries(series: MetricSeries): string | undefined {
  const maxima = series.days.map((day) => day.maximum).filter((value): value is number => value !== null);
  if (maxima.length === 0) return undefined;
  const peak = Math.max(...maxima);
  const shown =
    series.unit === "percent"
      ? `${peak.toFixed(1)}%`
      : series.unit === "bytes"
        ? `${(peak / 1_000_000).toFixed(2)} MB`
        : peak.toLocaleString("en-US", { maximumFractionDigits: 2 });
  return `${series.label}: at most ${shown} a day over ${maxima.length} days`;
}

function evidenceSection(subject: PullRequestSubject, heading: boolean): string[] {
  const lines: string[] = [];
  if (heading) lines.push(`### \`${subject.resourceId}\` (${subject.accountId}, ${subject.region})`, "");
  const evidence = subject.evidence;
  if (!evidence) {
    lines.push(`Monthly saving: **${formatMonthlySaving(subject.monthlySaving)}** (no stored evidence).`, "");
    return lines;
  }
  lines.push(evidence.summary, "");
  lines.push(`- Window: ${evidence.window.from} to ${evidence.window.to} (${evidence.lookbackDays} days)`);
  for (const series of evidence.metrics) {
    const described = describeSeries(series);
    if (described) lines.push(`- ${described}`);
  }
  for (const fact of evidence.facts) lines.push(`- ${fact.label}: ${fact.value}`);
  if (evidence.estimated) lines.push("- Part of this figure is an estimate (see the formula).");
  lines.push("");
  if (evidence.prices.length > 0) {
    lines.push("| Price | Region | USD per unit | Unit | Price date |", "| --- | --- | ---: | --- | --- |");
    for (const price of evidence.prices) {
      lines.push(
        `| ${price.kind} ${price.key} | ${price.region} | ${price.usdPerUnit} | ${price.unit} | ${price.effectiveDate} |`,
      );
    }
    lines.push("");
  }
  lines.push(
    `Now ${formatUsd(evidence.currentMonthlyCost)}/month, after the change ${formatUsd(evidence.projectedMonthlyCost)}/month: saves **${formatMonthlySaving(subject.monthlySaving)}**.`,
    "",
    `Formula: ${evidence.formula}`,
    "",
  );
  return lines;
}

function rollback(type: RecommendationType): string[] {
  const lines = [
    "Revert this pull request and apply: Terraform recreates what it removed, or restores what it changed.",
  ];
  if (DELETES.has(type)) {
    lines.push(
      "A recreated resource is a new, empty one: data on a deleted instance or volume comes back only from a snapshot taken before the apply.",
    );
  }
  return lines;
}

export function pullRequestBody(plan: FixPlan, subjects: PullRequestSubject[]): string {
  const total = totalSaving(subjects);
  const [one, many] = NOUN[plan.type];
  const lines: string[] = [
    "## What and why",
    "",
    `${VERB[plan.type]} ${subjects.length === 1 ? `the ${one}` : `${subjects.length} ${many}`} in \`${plan.rootModule}\`: ${
      subjects.length === 1 && subjects[0]!.evidence ? subjects[0]!.evidence.fix : "see the evidence below"
    }.`,
    "",
    `**Monthly saving: ${formatMonthlySaving(total)}**`,
    "",
    "## Evidence",
    "",
  ];
  for (const subject of subjects) lines.push(...evidenceSection(subject, subjects.length > 1));
  lines.push(
    "## Expected `terraform plan`",
    "",
    `Run \`terraform plan\` in \`${plan.rootModule}\`; it should end with:`,
    "",
    "```",
    planLine(plan.expectedPlan),
    "```",
    "",
    "Addresses:",
    "",
    ...plan.addresses.map((address) => `- \`${address}\``),
    "",
    `Worked out against commit ${plan.baseSha}. Anything else in the plan did not come from this change.`,
    "",
  );
  if (plan.notes.length > 0) lines.push("## Notes", "", ...plan.notes.map((note) => `- ${note}`), "");
  lines.push("## Risks", "", ...RISKS[plan.type].map((risk) => `- ${risk}`), "");
  lines.push("## Rollback", "", ...rollback(plan.type), "");
  lines.push(
    "---",
    `Opened by CostLens. Recommendation${subjects.length === 1 ? "" : "s"}: ${subjects.map((s) => s.id).join(", ")}`,
  );
  return `${lines.join("\n")}\n`;
}

export function pullRequestLabels(type: RecommendationType): string[] {
  return ["costlens", "cost-saving", typeSlug(type)];
}

export function renderPullRequest(plan: FixPlan, subjects: PullRequestSubject[]): PullRequestText {
  const title = pullRequestTitle(plan, subjects);
  const addresses = plan.addresses.map((address) => `- ${address}`).join("\n");
  return {
    title,
    body: pullRequestBody(plan, subjects),
    commitMessage: `${title}\n\n${planLine(plan.expectedPlan)}\n\n${addresses}\n`,
    labels: pullRequestLabels(plan.type),
  };
}
