// planFix on a small in-memory repository: every recommendation type gets its plan, and every case an
// edit could get wrong gets a refusal with a reason (and, when Terraform does not manage the resource, the
// AWS CLI command instead).
import { beforeAll, describe, expect, it } from "vitest";
import type { FixOutcome, FixPlan, Refusal } from "@/lib/terraform/fix-plan";
import { buildTerraformIndex } from "@/lib/terraform/index/build-terraform-index";
import type { TerraformIndex } from "@/lib/terraform/index/index-entry";
import type { FixContext } from "@/lib/terraform/plan/fix-context";
import type { FixInput } from "@/lib/terraform/plan/fix-input";
import { planFix } from "@/lib/terraform/plan/plan-fix";
import { isTerraformFormatted, parseHcl, withoutResource } from "./hcl-checks";
import { BASE_SHA, FILES, memoryRepository, STATES } from "./memory-repository";

let context: FixContext;

beforeAll(async () => {
  const source = memoryRepository(FILES);
  const index: TerraformIndex = await buildTerraformIndex(source, await source.headCommit(), STATES, "fp");
  context = { index, source, baseSha: BASE_SHA };
});

const input = (type: FixInput["type"], resourceId: string, extra: Partial<FixInput> = {}): FixInput => ({
  id: `rec-${resourceId}`,
  type,
  resourceId,
  accountId: "111122223333",
  region: "eu-west-1",
  ...extra,
});

function asPlan(outcome: FixOutcome): FixPlan {
  if (outcome.kind !== "plan") throw new Error(`refused: ${outcome.code} ${outcome.reason}`);
  return outcome;
}

function asRefusal(outcome: FixOutcome): Refusal {
  if (outcome.kind !== "refusal") throw new Error("expected a refusal");
  return outcome;
}

describe("planFix deleting blocks", () => {
  it("deletes a zombie's block and its comment, and expects 1 to destroy", async () => {
    const plan = asPlan(await planFix([input("ZOMBIE_INSTANCE", "i-0legacy")], context));
    expect(plan).toMatchObject({
      type: "ZOMBIE_INSTANCE",
      rootModule: "envs/prod",
      baseSha: BASE_SHA,
      expectedPlan: { add: 0, change: 0, destroy: 1 },
      addresses: ["aws_instance.legacy_worker"],
    });
    expect(plan.files).toHaveLength(1);
    const [file] = plan.files;
    const original = FILES["envs/prod/compute.tf"]!;
    expect(file).toMatchObject({ path: "envs/prod/compute.tf", previous: original });
    expect(file!.content).toBe(original.slice(original.indexOf('resource "aws_instance" "batch"')));
    expect(await parseHcl(file!.content)).toEqual(
      withoutResource(await parseHcl(original), "aws_instance", "legacy_worker"),
    );
    expect(plan.notes.join(" ")).toMatch(/Rollback/);
  });

  it("batches two recommendations of one type and root module into one plan", async () => {
    const plan = asPlan(
      await planFix([input("ZOMBIE_INSTANCE", "i-0legacy"), input("ZOMBIE_INSTANCE", "i-0batch")], context),
    );
    expect(plan.expectedPlan.destroy).toBe(2);
    expect(plan.files[0]!.content).not.toMatch(/legacy_worker|"batch"/);
    expect(plan.files[0]!.content.startsWith('resource "aws_instance" "api"')).toBe(true);
  });

  it("deletes a volume declared in a module called from one place only", async () => {
    const plan = asPlan(await planFix([input("ORPHAN_VOLUME", "vol-0data")], context));
    expect(plan.rootModule).toBe("envs/dev");
    expect(plan.addresses).toEqual(["module.solo.aws_ebs_volume.data"]);
    expect(plan.files[0]!.path).toBe("modules/solo/main.tf");
    expect(plan.files[0]!.content.startsWith('resource "aws_ebs_volume" "scratch"')).toBe(true);
  });

  it("deletes an idle replica, whose primary stays", async () => {
    const plan = asPlan(await planFix([input("IDLE_REPLICA", "orders-db-replica")], context));
    expect(plan.addresses).toEqual(["aws_db_instance.orders_replica"]);
    expect(plan.files[0]!.content).toContain('resource "aws_db_instance" "orders"');
  });

  it("refuses to delete a block other code still refers to", async () => {
    const refusal = asRefusal(await planFix([input("IDLE_REPLICA", "orders-db")], context));
    expect(refusal.code).toBe("unsupported-expression");
    expect(refusal.reason).toContain(
      "envs/prod/databases.tf (replicate_source_db = aws_db_instance.orders.identifier)",
    );
  });

  it("refuses a block it cannot cut out cleanly, with code on the line of its closing brace", async () => {
    const files = {
      ...FILES,
      "envs/prod/compute.tf": FILES["envs/prod/compute.tf"]!.replace("  }\n}\n", "  }\n} # end of the worker\n"),
    };
    const source = memoryRepository(files);
    const index = await buildTerraformIndex(source, await source.headCommit(), STATES, "fp");
    const refusal = asRefusal(
      await planFix([input("ZOMBIE_INSTANCE", "i-0legacy")], { index, source, baseSha: BASE_SHA }),
    );
    expect(refusal.code).toBe("ambiguous-block");
    expect(refusal.reason).toContain("edit it by hand");
  });

  it("refuses a resource created by count", async () => {
    const refusal = asRefusal(await planFix([input("ZOMBIE_INSTANCE", "i-0fleet1")], context));
    expect(refusal.code).toBe("count-or-for-each");
    expect(refusal.reason).toContain("aws_instance.fleet[1]");
  });

  it("refuses a resource in a module called from more than one place", async () => {
    const refusal = asRefusal(await planFix([input("ZOMBIE_INSTANCE", "i-0svcdev")], context));
    expect(refusal.code).toBe("shared-module");
    expect(refusal.reason).toContain("modules/svc");
  });

  it("refuses a resource no state holds, with the AWS CLI command", async () => {
    const refusal = asRefusal(await planFix([input("ZOMBIE_INSTANCE", "i-0console")], context));
    expect(refusal.code).toBe("not-managed");
    expect(refusal.cliCommand).toBe("aws ec2 terminate-instances --instance-ids i-0console --region eu-west-1");
    const volume = asRefusal(await planFix([input("ORPHAN_VOLUME", "vol-0console")], context));
    expect(volume.cliCommand).toBe("aws ec2 delete-volume --volume-id vol-0console --region eu-west-1");
    const replica = asRefusal(await planFix([input("IDLE_REPLICA", "db-console")], context));
    expect(replica.cliCommand).toBe(
      "aws rds delete-db-instance --db-instance-identifier db-console --skip-final-snapshot --region eu-west-1",
    );
  });

  it("refuses mixed types and mixed root modules", async () => {
    expect(
      asRefusal(await planFix([input("ZOMBIE_INSTANCE", "i-0legacy"), input("STOPPED_INSTANCE", "i-0batch")], context))
        .code,
    ).toBe("mixed-types");
    expect(
      asRefusal(await planFix([input("ORPHAN_VOLUME", "vol-0data"), input("ORPHAN_VOLUME", "i-0legacy")], context))
        .code,
    ).toBe("mixed-root-modules");
  });
});

describe("planFix rightsizing", () => {
  const resize = (resourceId: string, from: string, to: string, arm = false) =>
    input("RIGHTSIZING", resourceId, {
      fixTarget: {
        kind: "resize",
        attribute: "instance_type",
        from,
        to,
        ...(arm ? { architectureChange: { from: "x86_64", to: "arm64" } } : {}),
      },
    });

  it("changes the instance_type literal and expects 1 to change", async () => {
    const plan = asPlan(await planFix([resize("i-0batch", "c5.2xlarge", "c5.large")], context));
    const original = FILES["envs/prod/compute.tf"]!;
    expect(plan.files[0]!.content).toBe(original.replace('"c5.2xlarge"', '"c5.large"'));
    expect(plan.expectedPlan).toEqual({ add: 0, change: 1, destroy: 0 });
    expect(isTerraformFormatted(plan.files[0]!.content)).toBe(true);
  });

  it("says that a Graviton type needs an arm64 AMI", async () => {
    const plan = asPlan(await planFix([resize("i-0batch", "c5.2xlarge", "c6g.large", true)], context));
    expect(plan.notes.join("\n")).toMatch(/Graviton \(arm64\).*arm64 AMI instead of var\.ami_ids\["x86_64"\]/);
  });

  it("changes instance_class of an RDS instance", async () => {
    const plan = asPlan(
      await planFix(
        [
          input("RIGHTSIZING", "orders-db", {
            fixTarget: { kind: "resize", attribute: "instance_class", from: "db.r5.xlarge", to: "db.r5.large" },
          }),
        ],
        context,
      ),
    );
    expect(plan.files[0]!.content).toContain('instance_class = "db.r5.large"');
  });

  it("refuses a type set by a variable and says where the variable is declared", async () => {
    const refusal = asRefusal(await planFix([resize("i-0api", "m5.large", "m5.medium")], context));
    expect(refusal.code).toBe("unsupported-expression");
    expect(refusal.reason).toContain('variable "api_instance_type" (declared in envs/prod/variables.tf:1');
  });

  it("offers the CLI commands for an unmanaged instance", async () => {
    const refusal = asRefusal(await planFix([resize("i-0console", "m5.xlarge", "m5.large")], context));
    expect(refusal.cliCommand).toContain(
      "aws ec2 modify-instance-attribute --instance-id i-0console --instance-type Value=m5.large --region eu-west-1",
    );
  });
});

describe("planFix NAT waste", () => {
  const nat = (vpcId: string) =>
    input("NAT_WASTE", "nat-0abc", {
      fixTarget: {
        kind: "vpc-endpoints",
        vpcId,
        services: ["s3", "dynamodb", "ecr.api", "ecr.dkr", "ssm"],
        routeTableIds: ["rtb-0private", "rtb-0console"],
        subnetIds: ["subnet-0a", "subnet-0b"],
      },
    });

  it("writes a new file of endpoints wired to the VPC's route tables and subnets by address", async () => {
    const plan = asPlan(await planFix([nat("vpc-0main")], context));
    expect(plan.expectedPlan).toEqual({ add: 5, change: 0, destroy: 0 });
    expect(plan.files).toHaveLength(1);
    const [file] = plan.files;
    expect(file!.previous).toBeNull();
    expect(file!.path).toMatch(/^envs\/prod\/vpc-endpoints-[\w-]+\.tf$/);
    expect(file!.content).toContain("vpc_id            = aws_vpc.main.id");
    expect(file!.content).toContain('route_table_ids   = [aws_route_table.private.id, "rtb-0console"]');
    expect(file!.content).toContain('subnet_ids          = [aws_subnet.private["a"].id, aws_subnet.private["b"].id]');
    expect(file!.content).toContain("private_dns_enabled = true");
    expect(isTerraformFormatted(file!.content)).toBe(true);
    const parsed = await parseHcl(file!.content);
    expect(Object.keys(parsed.resource!.aws_vpc_endpoint!)).toHaveLength(5);
  });

  it("creates the endpoints with the VPC's provider configuration and region", async () => {
    const west = nat("vpc-0west");
    const plan = asPlan(await planFix([{ ...west, region: "us-west-2" }], context));
    const content = plan.files[0]!.content;
    expect(content).toContain("  provider = aws.west\n\n  vpc_id ");
    expect(content).toContain('service_name      = "com.amazonaws.us-west-2.s3"');
    expect(isTerraformFormatted(content)).toBe(true);
  });

  it("refuses an unmanaged VPC with the create-vpc-endpoint commands", async () => {
    const refusal = asRefusal(await planFix([nat("vpc-0console")], context));
    expect(refusal.code).toBe("not-managed");
    expect(refusal.cliCommand?.split("\n")).toHaveLength(5);
    expect(refusal.cliCommand).toContain(
      "aws ec2 create-vpc-endpoint --vpc-id vpc-0console --vpc-endpoint-type Gateway --service-name com.amazonaws.eu-west-1.s3 --route-table-ids rtb-0private rtb-0console --region eu-west-1",
    );
  });
});

describe("planFix non-production always on", () => {
  const schedule = (group: string, timeZone: string | null = null) =>
    input("NON_PROD_ALWAYS_ON", group, {
      fixTarget: {
        kind: "schedule",
        autoScalingGroupNames: [group],
        clusterName: null,
        minSize: 2,
        maxSize: 4,
        desiredCapacity: 3,
        offHoursStart: 19,
        offHoursEnd: 8,
        timeZone,
      },
    });

  it("writes a stop/start pair on weekdays referencing the group by address", async () => {
    const plan = asPlan(await planFix([schedule("web")], context));
    expect(plan.expectedPlan).toEqual({ add: 2, change: 0, destroy: 0 });
    const content = plan.files[0]!.content;
    expect(content).toContain("autoscaling_group_name = aws_autoscaling_group.web.name");
    expect(content).toContain('recurrence             = "0 19 * * 1-5"');
    expect(content).toContain('recurrence             = "0 8 * * 1-5"');
    expect(content).toMatch(/min_size\s+= 2\n\s+max_size\s+= 4\n\s+desired_capacity\s+= 3/);
    expect(plan.notes.join(" ")).toContain("in UTC");
    expect(isTerraformFormatted(content)).toBe(true);
    expect(Object.keys((await parseHcl(content)).resource!.aws_autoscaling_schedule!)).toEqual([
      "web_off_hours_stop",
      "web_office_hours_start",
    ]);
  });

  it("uses the time zone when one is known", async () => {
    const plan = asPlan(await planFix([schedule("web", "Europe/Dublin")], context));
    expect(plan.files[0]!.content).toContain('time_zone              = "Europe/Dublin"');
  });

  it("refuses an Auto Scaling group no state holds, with the scheduled-action commands", async () => {
    const refusal = asRefusal(await planFix([schedule("console-asg")], context));
    expect(refusal.code).toBe("not-managed");
    expect(refusal.cliCommand).toContain(
      "aws autoscaling put-scheduled-update-group-action --auto-scaling-group-name console-asg --scheduled-action-name costlens-off-hours-stop --recurrence '0 19 * * 1-5'",
    );
  });
});
