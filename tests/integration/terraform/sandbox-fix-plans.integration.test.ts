// planFix on the sandbox's generated Terraform repository, with the states read from its S3 bucket: a
// planted zombie's block is deleted and nothing else changes; count/for_each, multi-use modules and
// console-made resources are refused with their reason; a rightsizing edits one literal; the NAT endpoints
// file and the off-hours schedules file are what `terraform fmt` writes and parse as HCL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FixOutcome, FixPlan, Refusal } from "@/lib/terraform/fix-plan";
import { deleteBlock } from "@/lib/terraform/hcl/delete-block";
import { topLevelBlocks } from "@/lib/terraform/hcl/scan-body";
import { buildTerraformIndex } from "@/lib/terraform/index/build-terraform-index";
import type { IndexEntry } from "@/lib/terraform/index/index-entry";
import type { FixContext } from "@/lib/terraform/plan/fix-context";
import type { FixInput } from "@/lib/terraform/plan/fix-input";
import { planFix } from "@/lib/terraform/plan/plan-fix";
import { localGitRepositorySource } from "@/lib/terraform/repository/local-git-source";
import { s3StateSource, stateFingerprint } from "@/lib/terraform/state/read-states";
import { createS3Client } from "@/lib/terraform/state/s3-client";
import type { Organisation } from "@/sim/org/model";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { type HclJson, isTerraformFormatted, parseHcl, withoutResource } from "../../unit/terraform/hcl-checks";

let sandbox: TestSandbox;
let org: Organisation;
let context: FixContext;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: 42, scale: 1, today: "2026-02-01" });
  org = sandbox.ctx.org;
  const source = localGitRepositorySource(sandbox.env.TERRAFORM_REPO_DIR!);
  const s3 = createS3Client({ region: "us-east-1" });
  const states = await s3StateSource(s3, sandbox.env.TERRAFORM_STATE_BUCKET!).readAll();
  s3.destroy();
  const head = await source.headCommit();
  const index = await buildTerraformIndex(source, head, states, stateFingerprint(states));
  context = { index, source, baseSha: head.sha };
});
afterAll(async () => {
  await sandbox?.close();
});

const input = (
  type: FixInput["type"],
  resourceId: string,
  region: string,
  extra: Partial<FixInput> = {},
): FixInput => ({
  id: `rec-${resourceId}`,
  type,
  resourceId,
  accountId: "000000000000",
  region,
  ...extra,
});

const asPlan = (outcome: FixOutcome): FixPlan => {
  if (outcome.kind !== "plan") throw new Error(`refused: ${outcome.code}: ${outcome.reason}`);
  return outcome;
};
const asRefusal = (outcome: FixOutcome): Refusal => {
  if (outcome.kind !== "refusal") throw new Error(`expected a refusal, got a plan for ${outcome.addresses.join(", ")}`);
  return outcome;
};

const entries = () => Object.values(context.index.entries);
const editable = (entry: IndexEntry) => entry.file !== null && entry.refusal === null;
const regionOf = (instanceId: string) => org.instances.find((i) => i.id === instanceId)?.region ?? "us-east-1";

describe("planFix on the sandbox repository", () => {
  it("indexes the S3 states against the repository's head commit", () => {
    expect(context.index.rootModules.length).toBeGreaterThanOrEqual(5);
    expect(entries().filter(editable).length).toBeGreaterThan(100);
  });

  it("deletes a planted zombie's block and leaves every other byte and block as it was", async () => {
    const zombie = org.planted
      .filter((p) => p.type === "zombie-instance")
      .map((p) => context.index.entries[p.resourceId])
      .find((e): e is IndexEntry => e !== undefined && editable(e));
    expect(zombie, "a planted zombie with a plain block").toBeDefined();
    const plan = asPlan(await planFix([input("ZOMBIE_INSTANCE", zombie!.awsId, regionOf(zombie!.awsId))], context));
    expect(plan.expectedPlan).toEqual({ add: 0, change: 0, destroy: 1 });
    expect(plan.addresses).toEqual([zombie!.address]);
    const [file] = plan.files;
    expect(file!.path).toBe(zombie!.file);
    const before = await parseHcl(file!.previous!);
    expect(await parseHcl(file!.content)).toEqual(withoutResource(before, zombie!.type, zombie!.name));
    // the removed text is one contiguous range: what precedes and follows it is untouched
    const previous = file!.previous!;
    let prefix = 0;
    while (previous[prefix] === file!.content[prefix]) prefix++;
    const suffix = file!.content.length - prefix;
    expect(previous.slice(0, prefix) + previous.slice(previous.length - suffix)).toBe(file!.content);
    expect(previous.slice(prefix, previous.length - suffix)).toContain(`resource "${zombie!.type}" "${zombie!.name}"`);
    expect(isTerraformFormatted(file!.content)).toBe(true);
  });

  it("deletes any editable block of the repository leaving a file that parses to the rest", async () => {
    const blocks = entries().filter((e) => editable(e) && e.indexKey === null);
    const byAddress = new Map(blocks.map((e) => [`${e.rootModule}:${e.address}`, e]));
    expect(byAddress.size).toBeGreaterThan(100);
    const checkedFormat = new Set<string>();
    const parsedFiles = new Map<string, HclJson>();
    for (const entry of byAddress.values()) {
      const text = await context.source.readFile(context.baseSha, entry.file!);
      const block = topLevelBlocks(text).find(
        (b) => b.type === "resource" && b.labels[0] === entry.type && b.labels[1] === entry.name,
      )!;
      const edited = deleteBlock(text, block);
      if (!parsedFiles.has(entry.file!)) parsedFiles.set(entry.file!, await parseHcl(text));
      const expected = withoutResource(parsedFiles.get(entry.file!)!, entry.type, entry.name);
      expect(await parseHcl(edited), entry.address).toEqual(expected);
      if (checkedFormat.has(entry.file!)) continue;
      checkedFormat.add(entry.file!);
      expect(isTerraformFormatted(edited), `${entry.file} without ${entry.address}`).toBe(true);
    }
  });

  it("refuses an instance created by count or for_each", async () => {
    const counted = entries().find((e) => e.type === "aws_instance" && e.refusal?.code === "count-or-for-each");
    expect(counted).toBeDefined();
    const refusal = asRefusal(
      await planFix([input("ZOMBIE_INSTANCE", counted!.awsId, regionOf(counted!.awsId))], context),
    );
    expect(refusal.code).toBe("count-or-for-each");
    expect(refusal.reason).toMatch(/count|for_each/);
  });

  it("refuses an instance of a module called from more than one place", async () => {
    const shared = entries().find(
      (e) => e.type === "aws_instance" && e.modulePath && e.refusal?.code === "shared-module",
    );
    expect(shared).toBeDefined();
    const refusal = asRefusal(
      await planFix([input("ZOMBIE_INSTANCE", shared!.awsId, regionOf(shared!.awsId))], context),
    );
    expect(refusal.code).toBe("shared-module");
    expect(refusal.reason).toContain("modules/service-fleet");
  });

  it("refuses a console-made instance as not managed, with the AWS CLI command", async () => {
    const consoleMade = org.instances.find((i) => i.managedBy === "console");
    expect(consoleMade).toBeDefined();
    const refusal = asRefusal(await planFix([input("ZOMBIE_INSTANCE", consoleMade!.id, consoleMade!.region)], context));
    expect(refusal.code).toBe("not-managed");
    expect(refusal.cliCommand).toBe(
      `aws ec2 terminate-instances --instance-ids ${consoleMade!.id} --region ${consoleMade!.region}`,
    );
  });

  it("rightsizes a plain instance by changing its instance_type literal only", async () => {
    const candidates = org.planted.filter((p) => p.type === "rightsizing").map((p) => p.resourceId);
    const instance = org.instances.find(
      (i) =>
        context.index.entries[i.id] !== undefined &&
        editable(context.index.entries[i.id]!) &&
        (candidates.length === 0 || candidates.includes(i.id)),
    );
    expect(instance).toBeDefined();
    const entry = context.index.entries[instance!.id]!;
    const plan = asPlan(
      await planFix(
        [
          input("RIGHTSIZING", instance!.id, instance!.region, {
            fixTarget: { kind: "resize", attribute: "instance_type", from: instance!.instanceType, to: "t3.nano" },
          }),
        ],
        context,
      ),
    );
    expect(plan.expectedPlan).toEqual({ add: 0, change: 1, destroy: 0 });
    const [file] = plan.files;
    const before = await parseHcl(file!.previous!);
    const after = await parseHcl(file!.content);
    expect(withoutResource(after, entry.type, entry.name)).toEqual(withoutResource(before, entry.type, entry.name));
    const block = (after.resource![entry.type]![entry.name] as Array<Record<string, unknown>>)[0]!;
    expect(block.instance_type).toBe("t3.nano");
    expect(file!.content.length - file!.previous!.length).toBe("t3.nano".length - instance!.instanceType.length);
    expect(isTerraformFormatted(file!.content)).toBe(true);
  });

  const endpointsFix = (nat: Organisation["natGateways"][number]) => {
    const tables = org.routeTables.filter((r) => r.vpcId === nat.vpcId && r.natGatewayId);
    const byAz = new Map<string, string>();
    for (const subnet of org.subnets.filter((s) => s.vpcId === nat.vpcId && s.isPrivate))
      if (!byAz.has(subnet.az)) byAz.set(subnet.az, subnet.id);
    return input("NAT_WASTE", nat.id, nat.region, {
      fixTarget: {
        kind: "vpc-endpoints",
        vpcId: nat.vpcId,
        services: ["s3", "dynamodb", "ecr.api", "ecr.dkr", "ssm"],
        routeTableIds: tables.map((t) => t.id),
        subnetIds: [...byAz.values()],
      },
    });
  };
  const withoutEndpoints = () =>
    org.natGateways.filter(
      (n) =>
        n.managedBy === "terraform" &&
        context.index.entries[n.vpcId] !== undefined &&
        !org.vpcEndpoints.some((e) => e.vpcId === n.vpcId),
    );

  it("writes a NAT gateway's missing endpoints as a new, terraform fmt clean file wired by address", async () => {
    const nat = withoutEndpoints().find((n) => context.index.entries[n.vpcId]!.provider === null);
    expect(nat).toBeDefined();
    const plan = asPlan(await planFix([endpointsFix(nat!)], context));
    expect(plan.expectedPlan.add).toBe(5);
    const [file] = plan.files;
    expect(file!.previous).toBeNull();
    expect(file!.path.startsWith(`${plan.rootModule}/`)).toBe(true);
    expect(file!.content).toContain(`vpc_id            = ${context.index.entries[nat!.vpcId]!.reference}`);
    expect(file!.content).not.toMatch(/"(rtb|subnet|vpc)-[0-9a-f]+"/);
    expect(file!.content).not.toContain("provider");
    expect(isTerraformFormatted(file!.content)).toBe(true);
    expect(Object.keys((await parseHcl(file!.content)).resource!.aws_vpc_endpoint!)).toHaveLength(5);
  });

  it("creates a VPC's endpoints with the provider configuration of its account and region", async () => {
    const nat = withoutEndpoints().find((n) => context.index.entries[n.vpcId]!.provider !== null);
    expect(nat, "a NAT gateway in a VPC of a non-default provider").toBeDefined();
    const plan = asPlan(await planFix([endpointsFix(nat!)], context));
    const content = plan.files[0]!.content;
    expect(content).toContain(`  provider = ${context.index.entries[nat!.vpcId]!.provider}\n`);
    expect(content).toContain(`"com.amazonaws.${nat!.region}.s3"`);
    expect(isTerraformFormatted(content)).toBe(true);
  });

  it("schedules a non-production node group off outside office hours in a terraform fmt clean file", async () => {
    const planted = org.planted.find((p) => p.type === "non-prod-always-on");
    expect(planted).toBeDefined();
    const cluster = org.clusters.find((c) => c.name === planted!.resourceId);
    // a cluster's nodes belong to the Auto Scaling group EKS made for its node group
    const groupName = cluster
      ? org.autoScalingGroups.find((g) => g.instanceIds.some((id) => cluster.nodeInstanceIds.includes(id)))?.name
      : planted!.resourceId;
    const group = groupName ? context.index.entries[groupName] : undefined;
    expect(group).toBeDefined();
    const plan = asPlan(
      await planFix(
        [
          input("NON_PROD_ALWAYS_ON", planted!.resourceId, cluster?.region ?? "us-east-1", {
            fixTarget: {
              kind: "schedule",
              autoScalingGroupNames: [group!.awsId],
              clusterName: cluster?.name ?? null,
              minSize: 3,
              maxSize: 6,
              desiredCapacity: 3,
              offHoursStart: 19,
              offHoursEnd: 8,
              timeZone: null,
            },
          }),
        ],
        context,
      ),
    );
    expect(plan.expectedPlan).toEqual({ add: 2, change: 0, destroy: 0 });
    const content = plan.files[0]!.content;
    expect(content).toContain(`autoscaling_group_name = ${group!.reference}`);
    expect(content).toContain('"0 19 * * 1-5"');
    expect(content).toContain('"0 8 * * 1-5"');
    expect(isTerraformFormatted(content)).toBe(true);
    expect(Object.keys((await parseHcl(content)).resource!.aws_autoscaling_schedule!)).toHaveLength(2);
  });
});
