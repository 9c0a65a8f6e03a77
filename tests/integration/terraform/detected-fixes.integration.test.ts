// From detection to Terraform change on the sandbox: the real ingests and detection write recommendations
// with their fix targets, the index annotates them with Terraform addresses, and planFix turns each into a
// plan that parses and is `terraform fmt` clean, or a refusal with a reason (and a CLI command for
// resources Terraform does not manage). Nothing throws.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecommendationType } from "@/lib/db/generated/enums";
import type { FixOutcome } from "@/lib/terraform/fix-plan";
import type { TerraformIndex } from "@/lib/terraform/index/index-entry";
import { refreshTerraformIndex } from "@/lib/terraform/index/refresh-terraform-index";
import { fixInputFromRecommendation } from "@/lib/terraform/plan/fix-input";
import { planFix } from "@/lib/terraform/plan/plan-fix";
import { localGitRepositorySource } from "@/lib/terraform/repository/local-git-source";
import type { TerraformRepositorySource } from "@/lib/terraform/repository/repository-source";
import { s3StateSource } from "@/lib/terraform/state/read-states";
import { createS3Client } from "@/lib/terraform/state/s3-client";
import { runDetection } from "@/lib/waste/run-detection";
import { defaultThresholds } from "@/lib/waste/thresholds";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { ingestSandboxResources } from "../../helpers/sandbox-ingest";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { isTerraformFormatted, parseHcl } from "../../unit/terraform/hcl-checks";

const TODAY = "2026-11-20";
let sandbox: TestSandbox;
let database: TestDatabase;
let index: TerraformIndex;
let source: TerraformRepositorySource;
let annotated: number;
const outcomes = new Map<string, { type: RecommendationType; resourceId: string; outcome: FixOutcome }>();

beforeAll(async () => {
  sandbox = await startTestSandbox({ today: TODAY });
  database = await createTestDatabase();
  await ingestSandboxResources(sandbox, database, TODAY);
  await runDetection(database.prisma, { today: TODAY, thresholds: defaultThresholds });

  source = localGitRepositorySource(sandbox.env.TERRAFORM_REPO_DIR!);
  const refresh = await refreshTerraformIndex(database.prisma, {
    repo: "acme-shop/infrastructure",
    source,
    states: s3StateSource(createS3Client({ region: "us-east-1" }), sandbox.env.TERRAFORM_STATE_BUCKET!),
  });
  index = refresh.index;
  annotated = refresh.annotated;

  const rows = await database.prisma.recommendation.findMany({
    where: { status: "OPEN" },
    select: { id: true, type: true, resourceId: true, accountId: true, region: true, evidence: true },
  });
  for (const row of rows) {
    const outcome = await planFix([fixInputFromRecommendation(row)], { index, source, baseSha: index.commitSha });
    outcomes.set(row.id, { type: row.type, resourceId: row.resourceId, outcome });
  }
});
afterAll(async () => {
  await database?.drop();
  await sandbox?.close();
});

describe("fixes for the detected waste", () => {
  it("annotates the recommendations whose resource is in a state with its address", async () => {
    expect(annotated).toBeGreaterThan(0);
    const rows = await database.prisma.recommendation.findMany({
      where: { status: "OPEN" },
      select: { resourceId: true, terraformAddress: true },
    });
    for (const row of rows) expect(row.terraformAddress).toBe(index.entries[row.resourceId]?.address ?? null);
  });

  it("gives every recommendation a plan or a refusal with a reason", () => {
    expect(outcomes.size).toBeGreaterThan(10);
    const summary: Record<string, Record<string, number>> = {};
    for (const { type, outcome } of outcomes.values()) {
      const key = outcome.kind === "plan" ? "plan" : outcome.code;
      summary[type] = { ...summary[type], [key]: (summary[type]?.[key] ?? 0) + 1 };
      if (outcome.kind === "refusal") expect(outcome.reason.length).toBeGreaterThan(20);
      if (outcome.kind === "refusal" && outcome.code === "not-managed") expect(outcome.cliCommand).toMatch(/^aws /);
    }
    console.log("fix outcomes by type:", JSON.stringify(summary));
    for (const type of ["ZOMBIE_INSTANCE", "NAT_WASTE", "RIGHTSIZING", "NON_PROD_ALWAYS_ON"] as const)
      expect(summary[type]?.plan ?? 0, `${type} plans`).toBeGreaterThan(0);
  });

  it("writes plans whose files parse and are terraform fmt clean, and whose counts match the change", async () => {
    // up to ten plans a type: each type's files are checked without running the binary hundreds of times
    const checked = new Map<RecommendationType, number>();
    for (const { type, resourceId, outcome } of outcomes.values()) {
      if (outcome.kind !== "plan" || (checked.get(type) ?? 0) >= 10) continue;
      checked.set(type, (checked.get(type) ?? 0) + 1);
      expect(outcome.files.length, resourceId).toBeGreaterThan(0);
      for (const file of outcome.files) {
        expect(file.path.startsWith("envs/") || file.path.startsWith("modules/")).toBe(true);
        await parseHcl(file.content, file.path);
        expect(isTerraformFormatted(file.content), `${file.path} for ${resourceId}`).toBe(true);
      }
      const { add, change, destroy } = outcome.expectedPlan;
      expect(add + change + destroy).toBe(outcome.addresses.length);
    }
  });

  it("wires NAT endpoints to the VPC's route tables and subnets by Terraform address", () => {
    const plans = [...outcomes.values()].flatMap(({ type, outcome }) =>
      type === "NAT_WASTE" && outcome.kind === "plan" ? [outcome] : [],
    );
    for (const plan of plans) {
      const content = plan.files[0]!.content;
      if (content.includes("Gateway")) expect(content).toMatch(/route_table_ids\s+= \[module\.\w+\.route_table_ids\[/);
      if (content.includes("Interface")) expect(content).toMatch(/subnet_ids\s+= \[module\.\w+\.subnet_ids\[/);
    }
  });
});
