// Merging a pull request changes the organisation as `terraform apply` would: a resized instance has the
// new type from today, a removed orphan volume is gone, new VPC endpoints and auto-scaling schedules exist,
// and the state served from S3 follows with a new serial.
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../../sim/server/start-sandbox";
import { parseHclBody } from "../../sim/terraform/hcl/parse";
import type { StateResource, TerraformStateV4 } from "../../sim/terraform/state-types";
import { storedStates } from "../../sim/terraform/state-store";
import { typeOnDay } from "../../sim/terraform/type-history";
import { commitOnBranch, octokitFor, readFile, repo } from "./fixtures/github-sandbox";

let sandbox: RunningSandbox;
let octokit: Octokit;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 42, scale: 1, today: "2026-02-01" });
  octokit = octokitFor(sandbox);
});
afterAll(async () => {
  await sandbox.close();
});

const stateOf = (environment: string): TerraformStateV4 => {
  const state = storedStates(sandbox.ctx.org).get(`envs/${environment}/terraform.tfstate`)?.state;
  if (!state) throw new Error(`no state for ${environment}`);
  return state;
};
const plain = (state: TerraformStateV4, type: string, accept: (r: StateResource) => boolean = () => true) =>
  state.resources.find((r) => r.type === type && !r.module && r.instances[0]?.index_key === undefined && accept(r));

/** Replaces one block of a file (by its resource name) with what `edit` makes of its text. */
function editBlock(text: string, name: string, edit: (block: string) => string): string {
  const block = parseHclBody(text).blocks.find((b) => b.type === "resource" && b.labels[1] === name);
  if (!block) throw new Error(`no block ${name}`);
  return text.slice(0, block.start) + edit(text.slice(block.start, block.end)) + text.slice(block.end);
}

async function fileDeclaring(environment: string, type: string, name: string): Promise<{ path: string; text: string }> {
  const { data } = await octokit.repos.getContent({ ...repo, path: `envs/${environment}` });
  if (!Array.isArray(data)) throw new Error("not a directory");
  for (const entry of data) {
    const { text } = await readFile(octokit, entry.path);
    if (text.includes(`resource "${type}" "${name}"`)) return { path: entry.path, text };
  }
  throw new Error(`${type}.${name} not found in envs/${environment}`);
}

describe("applying a merged pull request", () => {
  it("resizes, removes, adds endpoints and schedules, and updates the served state", async () => {
    const org = sandbox.ctx.org;
    const env = "production";
    const state = stateOf(env);
    const serial = state.serial;

    const resized = plain(state, "aws_instance");
    const resizedId = resized?.instances[0]?.attributes.id ?? "";
    const oldType = org.instances.find((i) => i.id === resizedId)?.instanceType ?? "";
    const newType = oldType === "t3.medium" ? "t3.large" : "t3.medium";
    const orphan = plain(
      state,
      "aws_ebs_volume",
      (r) => org.volumes.find((v) => v.id === r.instances[0]?.attributes.id)?.state === "available",
    );
    const orphanId = orphan?.instances[0]?.attributes.id ?? "";
    const asg = plain(state, "aws_autoscaling_group");
    const vpcModule = state.resources.find((r) => r.type === "aws_route_table" && r.module)?.module ?? "";
    const tableKeys = state.resources
      .find((r) => r.type === "aws_route_table" && r.module === vpcModule)
      ?.instances.map((i) => i.index_key);
    expect([resized, orphan, asg, vpcModule]).not.toContain(undefined);

    const files: Record<string, string> = {};
    const instanceFile = await fileDeclaring(env, "aws_instance", resized?.name ?? "");
    files[instanceFile.path] = editBlock(instanceFile.text, resized?.name ?? "", (b) =>
      b.replace(/instance_type = "[^"]+"/, `instance_type = "${newType}"`),
    );
    const volumeFile = await fileDeclaring(env, "aws_ebs_volume", orphan?.name ?? "");
    files[volumeFile.path] = editBlock(volumeFile.text, orphan?.name ?? "", () => "");
    files[`envs/${env}/costlens-savings.tf`] = [
      `resource "aws_vpc_endpoint" "costlens_s3" {`,
      `  vpc_id            = ${vpcModule}.vpc_id`,
      `  service_name      = "com.amazonaws.\${data.aws_region.current.name}.s3"`,
      `  vpc_endpoint_type = "Gateway"`,
      `  route_table_ids   = [${(tableKeys ?? []).map((k) => `${vpcModule}.route_table_ids["${String(k)}"]`).join(", ")}]`,
      `}`,
      ``,
      `resource "aws_autoscaling_schedule" "costlens_night" {`,
      `  scheduled_action_name  = "costlens-off-hours-stop"`,
      `  autoscaling_group_name = aws_autoscaling_group.${asg?.name ?? ""}.name`,
      `  recurrence             = "0 19 * * 1-5"`,
      `  min_size               = 0`,
      `  max_size               = 0`,
      `  desired_capacity       = 0`,
      `}`,
      ``,
    ].join("\n");

    await commitOnBranch(octokit, "costlens/savings", "Apply CostLens savings", files);
    const { data: pull } = await octokit.pulls.create({
      ...repo,
      head: "costlens/savings",
      base: "main",
      title: "Savings",
    });
    await octokit.pulls.merge({ ...repo, pull_number: pull.number, merge_method: "squash" });

    const instance = org.instances.find((i) => i.id === resizedId);
    expect(instance?.instanceType).toBe(newType);
    expect(typeOnDay(instance?.instanceType ?? "", instance?.typeHistory, "2026-01-31")).toBe(oldType);
    expect(typeOnDay(instance?.instanceType ?? "", instance?.typeHistory, org.today)).toBe(newType);
    expect(org.volumes.find((v) => v.id === orphanId)?.goneDay).toBe(org.today);

    const endpoint = org.vpcEndpoints.find((e) => e.createdDay === org.today && e.service === "s3");
    const vpcId = state.resources.find((r) => r.module === vpcModule && r.type === "aws_vpc")?.instances[0]?.attributes
      .id;
    expect(endpoint).toMatchObject({ vpcId, type: "Gateway", managedBy: "terraform" });
    expect(endpoint?.routeTableIds.length).toBe(tableKeys?.length);
    const group = org.autoScalingGroups.find((g) => g.name === asg?.instances[0]?.attributes.id);
    expect(group?.schedules).toEqual([
      {
        name: "costlens-off-hours-stop",
        recurrence: "0 19 * * 1-5",
        minSize: 0,
        maxSize: 0,
        desiredCapacity: 0,
        fromDay: org.today,
      },
    ]);

    const after = stateOf(env);
    expect(after.serial).toBe(serial + 1);
    const ids = after.resources.flatMap((r) => r.instances.map((i) => i.attributes.id));
    expect(ids).not.toContain(orphanId);
    expect(ids).toContain(endpoint?.id);
    expect(ids).toContain("costlens-off-hours-stop");
    expect(plain(after, "aws_instance", (r) => r.name === resized?.name)?.instances[0]?.attributes.instance_type).toBe(
      newType,
    );

    // A restart on the same repository directory replays the merge onto the regenerated organisation.
    const restarted = await startSandbox({ seed: 42, scale: 1, today: "2026-02-01", repoDir: sandbox.ctx.repoDir });
    try {
      const again = restarted.ctx.org;
      expect(again.instances.find((i) => i.id === resizedId)?.instanceType).toBe(newType);
      expect(again.volumes.find((v) => v.id === orphanId)?.goneDay).toBe(org.today);
      expect(again.vpcEndpoints.map((e) => e.id)).toContain(endpoint?.id);
      const served = storedStates(again).get(`envs/${env}/terraform.tfstate`)?.state;
      expect(served?.resources.flatMap((r) => r.instances.map((i) => i.attributes.id))).toContain(endpoint?.id);
    } finally {
      await restarted.close();
    }
  });

  it("scales a non-production EKS node group to zero off hours: the schedule is the cluster's", async () => {
    const org = sandbox.ctx.org;
    const nodeGroup = plain(stateOf("staging"), "aws_eks_node_group");
    const cluster = org.clusters.find((c) => `${c.name}:${c.nodeGroupName}` === nodeGroup?.instances[0]?.attributes.id);
    expect(cluster).toBeDefined();
    const groupName = `aws_eks_node_group.${nodeGroup?.name ?? ""}.resources[0].autoscaling_groups[0].name`;
    const schedule = (name: string, recurrence: string, size: number) =>
      [
        `resource "aws_autoscaling_schedule" "${name.replace(/-/g, "_")}" {`,
        `  scheduled_action_name  = "${name}"`,
        `  autoscaling_group_name = ${groupName}`,
        `  recurrence             = "${recurrence}"`,
        `  time_zone              = "Etc/UTC"`,
        `  min_size               = ${size}`,
        `  max_size               = ${size}`,
        `  desired_capacity       = ${size}`,
        `}`,
      ].join("\n");
    await commitOnBranch(octokit, "costlens/staging-off-hours", "Scale staging to zero off hours", {
      "envs/staging/costlens-off-hours.tf": `${schedule("staging-night", "0 19 * * 1-5", 0)}\n\n${schedule("staging-morning", "0 8 * * 1-5", 44)}\n`,
    });
    const { data: pull } = await octokit.pulls.create({
      ...repo,
      head: "costlens/staging-off-hours",
      base: "main",
      title: "Off hours",
    });
    await octokit.pulls.merge({ ...repo, pull_number: pull.number });
    expect(cluster?.schedules?.map((s) => [s.name, s.recurrence, s.desiredCapacity, s.timeZone])).toEqual([
      ["staging-night", "0 19 * * 1-5", 0, "Etc/UTC"],
      ["staging-morning", "0 8 * * 1-5", 44, "Etc/UTC"],
    ]);
  });
});
