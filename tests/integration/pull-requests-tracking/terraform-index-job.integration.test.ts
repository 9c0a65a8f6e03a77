// The terraform-index job against the sandbox (S3 state backend, GitHub repository): it builds the index,
// annotates a recommendation with its resource's address, and a second run finds nothing moved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJob } from "@/lib/jobs/run-job";
import { terraformIndexJob } from "@/jobs/terraform-index";
import type { PlantedWaste } from "@/sim/org/model";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { plainStateResource } from "../savings/savings-fixtures";

let sandbox: TestSandbox;
let database: TestDatabase;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: 42, scale: 1, months: 1 });
  // the job reads the repository through the GitHub API here, not a local clone
  delete process.env.TERRAFORM_REPO_DIR;
  database = await createTestDatabase();
}, 120_000);

afterAll(async () => {
  await database?.drop();
  await sandbox?.close();
});

describe("terraform-index job", () => {
  it("indexes the repository and annotates recommendations, then finds nothing moved", async () => {
    const prisma = database.prisma;
    const truth = (await sandbox.control("GET", "/_sim/truth")) as { planted: PlantedWaste[] };
    const zombie = truth.planted
      .filter((p) => p.type === "zombie-instance")
      .map((p) => ({ id: p.resourceId, block: plainStateResource(sandbox.ctx.org, "aws_instance", p.resourceId) }))
      .find((z) => z.block !== undefined);
    if (!zombie?.block) throw new Error("no zombie declared by a plain root-level block");
    const recommendation = await prisma.recommendation.create({
      data: {
        type: "ZOMBIE_INSTANCE",
        resourceId: zombie.id,
        accountId: "111111111111",
        region: "us-east-1",
        currentMonthlyCost: 10,
        projectedMonthlyCost: 0,
        monthlySaving: 10,
        evidence: {},
        evidenceHash: "h",
      },
      select: { id: true },
    });
    const logs: string[] = [];
    const first = await runJob(prisma, terraformIndexJob, { trigger: "cli", holder: "test", log: (m) => logs.push(m) });
    expect(first).toMatchObject({ status: "SUCCEEDED" });
    expect(logs.some((l) => l.includes("rebuilt"))).toBe(true);
    const annotated = await prisma.recommendation.findUniqueOrThrow({
      where: { id: recommendation.id },
      select: { terraformAddress: true },
    });
    expect(annotated.terraformAddress).toBe(`aws_instance.${zombie.block.name}`);

    const again: string[] = [];
    const second = await runJob(prisma, terraformIndexJob, {
      trigger: "cli",
      holder: "test",
      log: (m) => again.push(m),
    });
    expect(second).toMatchObject({ status: "SUCCEEDED" });
    expect(again.some((l) => l.includes("unchanged") && l.includes("0 recommendations annotated"))).toBe(true);
  }, 120_000);
});
