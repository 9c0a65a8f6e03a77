import { describe, expect, it } from "vitest";
import type { FixPlan } from "@/lib/terraform/fix-plan";
import {
  formatMonthlySaving,
  planLine,
  pullRequestBody,
  pullRequestLabels,
  pullRequestTitle,
  renderPullRequest,
  totalSaving,
  type PullRequestSubject,
} from "@/lib/pull-requests/pull-request-text";

const plan: FixPlan = {
  kind: "plan",
  type: "ZOMBIE_INSTANCE",
  rootModule: "envs/prod",
  baseSha: "8722e1d1379d1861edada8b71d0568aac34d542f",
  files: [{ path: "envs/prod/compute.tf", previous: "a", content: "" }],
  expectedPlan: { add: 0, change: 0, destroy: 1 },
  addresses: ["aws_instance.legacy_worker"],
  notes: ["The instance's root volume is deleted with it."],
};

const zombie: PullRequestSubject = {
  id: "rec-1",
  type: "ZOMBIE_INSTANCE",
  resourceId: "i-0abc",
  accountId: "111111111111",
  region: "us-east-1",
  monthlySaving: "1234.5678",
  evidence: {
    summary: "i-0abc ran 14 days with CPU under 5% and no traffic.",
    lookbackDays: 14,
    window: { from: "2026-11-06", to: "2026-11-19" },
    metrics: [
      {
        metric: "AWS/EC2/CPUUtilization",
        label: "CPU utilisation",
        unit: "percent",
        days: [
          { day: "2026-11-18", average: 1, maximum: 2.04, p95: 1.5, sum: null },
          { day: "2026-11-19", average: 1, maximum: 3.26, p95: 2, sum: null },
        ],
      },
      {
        metric: "AWS/EC2/NetworkIn",
        label: "Network in",
        unit: "bytes",
        days: [{ day: "2026-11-19", average: null, maximum: 1_500_000, p95: null, sum: null }],
      },
    ],
    prices: [
      {
        kind: "EC2_INSTANCE_HOUR",
        key: "m5.4xlarge",
        region: "us-east-1",
        usdPerUnit: "0.768",
        unit: "Hrs",
        effectiveDate: "2026-11-01",
      },
    ],
    formula: "0.768 USD/h x 730 h + 100 GiB x 0.10 = 570.64",
    currentMonthlyCost: "1234.5678",
    projectedMonthlyCost: "0",
    monthlySaving: "1234.5678",
    facts: [{ label: "State", value: "running" }],
    fix: "Delete the aws_instance block",
    estimated: false,
  },
};

describe("the pull request's text", () => {
  it("prints the plan line as terraform does", () => {
    expect(planLine({ add: 0, change: 0, destroy: 1 })).toBe("Plan: 0 to add, 0 to change, 1 to destroy.");
    expect(planLine({ add: 3, change: 1, destroy: 0 })).toBe("Plan: 3 to add, 1 to change, 0 to destroy.");
  });

  it("formats the saving exactly, rounded once to the cent", () => {
    expect(formatMonthlySaving("1234.5678")).toBe("$1,234.57/month");
    expect(formatMonthlySaving("0.005")).toBe("$0.01/month");
    expect(formatMonthlySaving("1000000")).toBe("$1,000,000.00/month");
    const sum = totalSaving([
      { ...zombie, monthlySaving: "0.1" },
      { ...zombie, monthlySaving: "0.2" },
    ]);
    expect(sum.toString()).toBe("0.3");
  });

  it("titles one recommendation by its resource, a batch by its count and root module", () => {
    expect(pullRequestTitle(plan, [zombie])).toBe("CostLens: delete zombie instance i-0abc (saves $1,234.57/month)");
    const batch = pullRequestTitle({ ...plan, type: "ORPHAN_VOLUME" }, [
      { ...zombie, monthlySaving: "10" },
      { ...zombie, id: "rec-2", monthlySaving: "20.5" },
    ]);
    expect(batch).toBe("CostLens: delete 2 orphan EBS volumes in envs/prod (saves $30.50/month)");
  });

  it("carries the evidence, the saving, the plan, the addresses, notes, risks and rollback", () => {
    const body = pullRequestBody(plan, [zombie]);
    expect(body).toContain("**Monthly saving: $1,234.57/month**");
    expect(body).toContain(zombie.evidence!.summary);
    expect(body).toContain("- Window: 2026-11-06 to 2026-11-19 (14 days)");
    expect(body).toContain("- CPU utilisation: at most 3.3% a day over 2 days");
    expect(body).toContain("- Network in: at most 1.50 MB a day over 1 days");
    expect(body).toContain("| EC2_INSTANCE_HOUR m5.4xlarge | us-east-1 | 0.768 | Hrs | 2026-11-01 |");
    expect(body).toContain("Formula: 0.768 USD/h x 730 h");
    expect(body).toContain("```\nPlan: 0 to add, 0 to change, 1 to destroy.\n```");
    expect(body).toContain("- `aws_instance.legacy_worker`");
    expect(body).toContain("- The instance's root volume is deleted with it.");
    expect(body).toMatch(/## Risks\n\n- Deleting the instance deletes its root volume/);
    expect(body).toMatch(/## Rollback\n\nRevert this pull request and apply/);
    expect(body).toContain("snapshot");
    expect(body).toContain(plan.baseSha);
    expect(body.endsWith("Recommendation: rec-1\n")).toBe(true);
  });

  it("lists each resource of a batch under its own heading", () => {
    const body = pullRequestBody({ ...plan, addresses: ["aws_instance.a", "aws_instance.b"] }, [
      zombie,
      { ...zombie, id: "rec-2", resourceId: "i-0def", evidence: null, monthlySaving: "5" },
    ]);
    expect(body).toContain("### `i-0abc` (111111111111, us-east-1)");
    expect(body).toContain("### `i-0def` (111111111111, us-east-1)");
    expect(body).toContain("Monthly saving: **$5.00/month** (no stored evidence).");
    expect(body).toContain("**Monthly saving: $1,239.57/month**");
    expect(body).toContain("Recommendations: rec-1, rec-2");
  });

  it("says what a resize risks and leaves out the snapshot advice", () => {
    const body = pullRequestBody({ ...plan, type: "RIGHTSIZING", expectedPlan: { add: 0, change: 1, destroy: 0 } }, [
      { ...zombie, type: "RIGHTSIZING" },
    ]);
    expect(body).toContain("Plan: 0 to add, 1 to change, 0 to destroy.");
    expect(body).toContain("stops and starts the instance");
    expect(body).not.toContain("comes back only from a snapshot");
  });

  it("labels with costlens, cost-saving and the type, and commits with the plan line", () => {
    expect(pullRequestLabels("NAT_WASTE")).toEqual(["costlens", "cost-saving", "nat-waste"]);
    const text = renderPullRequest(plan, [zombie]);
    expect(text.commitMessage).toBe(
      `${text.title}\n\nPlan: 0 to add, 0 to change, 1 to destroy.\n\n- aws_instance.legacy_worker\n`,
    );
  });
});
