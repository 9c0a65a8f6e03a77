// Instances declared by `count` or `for_each`: several instances share one block, so the pull-request
// editor must refuse to delete "one of them" by editing that block.
import type { Ec2Instance } from "../../org/model";
import { attr, blank, block, comment, multi, type HclItem } from "../hcl/render";
import { key, objectLines, str } from "../hcl/syntax";
import { type AttachedVolume, instanceStateAttributes, subnetRef } from "./instance-parts";
import type { VpcRefs } from "./network";
import type { RootBuilder } from "./root-builder";

type VolumesOf = (instance: Ec2Instance) => AttachedVolume[];

function inlineTags(tags: Record<string, string>): string {
  const entries = Object.keys(tags)
    .sort()
    .map((k) => `${key(k)} = ${str(tags[k] ?? "")}`);
  return `{ ${entries.join(", ")} }`;
}

function inlineVolumes(volumes: AttachedVolume[]): string {
  const entries = volumes.map(
    ({ volume, device }) =>
      `{ device_name = ${str(device)}, volume_size = ${volume.sizeGiB}, volume_type = ${str(volume.volumeType)} }`,
  );
  return `[${entries.join(", ")}]`;
}

const dynamicVolumes = (source: string): HclItem =>
  block('dynamic "ebs_block_device"', [
    attr("for_each", source),
    block("content", [
      attr("device_name", "ebs_block_device.value.device_name"),
      attr("volume_size", "ebs_block_device.value.volume_size"),
      attr("volume_type", "ebs_block_device.value.volume_type"),
    ]),
  ]);

/** `for_each` over a map keyed by each instance's name, per-instance settings in the map. */
export function addForEachInstances(
  root: RootBuilder,
  file: string,
  label: string,
  instances: Ec2Instance[],
  volumesOf: VolumesOf,
  refs: Map<string, VpcRefs>,
): void {
  const first = instances[0];
  if (!first) return;
  const config = root.provider(first.accountId, first.region);
  const name = root.uniqueName("aws_instance", label);
  const usedKeys = new Set<string>();
  const keyed = instances.map((instance) => {
    let k = instance.tags.Name ?? instance.id;
    for (let n = 2; usedKeys.has(k); n++) k = `${instance.tags.Name ?? instance.id}-${n}`;
    usedKeys.add(k);
    return { key: k, instance };
  });
  const map = objectLines(
    keyed.map(({ key: k, instance }) => [
      k,
      `{ instance_type = ${str(instance.instanceType)}, architecture = ${str(instance.architecture)}, subnet_id = ${subnetRef(instance, refs)}, volumes = ${inlineVolumes(volumesOf(instance))}, tags = ${inlineTags(instance.tags)} }`,
    ]),
  );
  root.add(
    file,
    block("locals", [
      comment("# Keyed by name so that adding or retiring one node never renumbers the others."),
      multi(name, map),
    ]),
    block(`resource "aws_instance" ${str(name)}`, [
      ...(config.alias ? [...root.providerAttr(config), blank] : []),
      attr("for_each", `local.${name}`),
      blank,
      attr("ami", "var.ami_ids[each.value.architecture]"),
      attr("instance_type", "each.value.instance_type"),
      attr("subnet_id", "each.value.subnet_id"),
      blank,
      dynamicVolumes("each.value.volumes"),
      blank,
      attr("tags", "each.value.tags"),
    ]),
  );
  root.addState(
    config,
    { type: "aws_instance", name },
    keyed.map(({ key: k, instance }) => ({
      index_key: k,
      schema_version: 1,
      attributes: instanceStateAttributes(instance, volumesOf(instance)),
      sensitive_attributes: [],
    })),
  );
}

/** `count` over a list of identical instances (or a single instance behind an on/off toggle). */
export function addCountInstances(
  root: RootBuilder,
  file: string,
  label: string,
  instances: Ec2Instance[],
  volumesOf: VolumesOf,
  refs: Map<string, VpcRefs>,
): void {
  const first = instances[0];
  if (!first) return;
  const config = root.provider(first.accountId, first.region);
  const name = root.uniqueName("aws_instance", label);
  const head: HclItem[] = config.alias ? [...root.providerAttr(config), blank] : [];
  const common: HclItem[] = [
    attr("ami", `var.ami_ids[${str(first.architecture)}]`),
    attr("instance_type", str(first.instanceType)),
  ];
  if (instances.length === 1) {
    const toggle = root.uniqueName("variable", `enable_${name}`);
    root.add(
      file,
      block(`variable ${str(toggle)}`, [
        attr("type", "bool"),
        attr("default", "true"),
        attr("description", str(`Whether ${name} runs in this environment (turned off between campaigns).`)),
      ]),
      block(`resource "aws_instance" ${str(name)}`, [
        ...head,
        attr("count", `var.${toggle} ? 1 : 0`),
        blank,
        ...common,
        attr("subnet_id", subnetRef(first, refs)),
        blank,
        ...(volumesOf(first).length > 0 ? [dynamicVolumes(inlineVolumes(volumesOf(first))), blank] : []),
        attr("tags", inlineTags(first.tags)),
      ]),
    );
  } else {
    const list = [
      "[",
      ...instances.map(
        (instance) =>
          `  { subnet_id = ${subnetRef(instance, refs)}, volumes = ${inlineVolumes(volumesOf(instance))}, tags = ${inlineTags(instance.tags)} },`,
      ),
      "]",
    ];
    root.add(
      file,
      block("locals", [comment("# In launch order: count.index is the position in this list."), multi(name, list)]),
      block(`resource "aws_instance" ${str(name)}`, [
        ...head,
        attr("count", `length(local.${name})`),
        blank,
        ...common,
        attr("subnet_id", `local.${name}[count.index].subnet_id`),
        blank,
        dynamicVolumes(`local.${name}[count.index].volumes`),
        blank,
        attr("tags", `local.${name}[count.index].tags`),
      ]),
    );
  }
  root.addState(
    config,
    { type: "aws_instance", name },
    instances.map((instance, index) => ({
      index_key: index,
      schema_version: 1,
      attributes: instanceStateAttributes(instance, volumesOf(instance)),
      sensitive_attributes: [],
    })),
  );
}
