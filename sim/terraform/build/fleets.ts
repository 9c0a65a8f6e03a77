// Service fleets: a squad's instances declared through modules/service-fleet, which every environment calls
// once per squad. An instance inside it cannot be removed without touching every caller's module.
import type { Ec2Instance } from "../../org/model";
import { attr, blank, block, multi } from "../hcl/render";
import { objectLines, str, tagLines } from "../hcl/syntax";
import { type AttachedVolume, instanceStateAttributes, subnetRef } from "./instance-parts";
import type { VpcRefs } from "./network";
import { type RootBuilder, stateInstance } from "./root-builder";

export function addFleet(
  root: RootBuilder,
  squad: string,
  instances: Ec2Instance[],
  volumesOf: (instance: Ec2Instance) => AttachedVolume[],
  refs: Map<string, VpcRefs>,
): void {
  const first = instances[0];
  if (!first) return;
  const config = root.provider(first.accountId, first.region);
  const moduleName = root.uniqueName("module", `${squad}_fleet`);
  const address = `module.${moduleName}`;
  const used = new Set<string>();
  const keyed = instances.map((instance) => {
    const base = instance.tags.Name ?? instance.id;
    let k = base;
    for (let n = 2; used.has(k); n++) k = `${base}-${n}`;
    used.add(k);
    return { key: k, instance, volumes: volumesOf(instance) };
  });
  const volumeEntries = keyed.flatMap(({ key: k, volumes }) =>
    volumes.map(({ volume, device }) => ({
      key: `${k}${device.replace("/dev/", "/")}`,
      instanceKey: k,
      volume,
      device,
    })),
  );
  const sharedTags = { ...first.tags };
  delete sharedTags.Name;

  root.add(
    "fleets.tf",
    block(`module ${str(moduleName)}`, [
      attr("source", str("../../modules/service-fleet")),
      ...(config.alias ? [multi("providers", objectLines([["aws", `aws.${config.alias}`]]))] : []),
      blank,
      attr("name", str(squad)),
      blank,
      multi(
        "instances",
        objectLines(
          keyed.map(({ key: k, instance }) => [
            k,
            `{ instance_type = ${str(instance.instanceType)}, architecture = ${str(instance.architecture)}, subnet_id = ${subnetRef(instance, refs)} }`,
          ]),
        ),
      ),
      blank,
      multi(
        "data_volumes",
        objectLines(
          volumeEntries.map((v) => [
            v.key,
            `{ instance_key = ${str(v.instanceKey)}, device_name = ${str(v.device)}, size = ${v.volume.sizeGiB}, type = ${str(v.volume.volumeType)}, availability_zone = ${str(v.volume.az)} }`,
          ]),
        ),
      ),
      blank,
      multi("tags", tagLines(sharedTags)),
    ]),
  );

  root.addState(
    config,
    { module: address, type: "aws_instance", name: "this" },
    keyed.map(({ key: k, instance }) => ({
      index_key: k,
      schema_version: 1,
      attributes: instanceStateAttributes(instance, []),
      sensitive_attributes: [],
    })),
  );
  if (volumeEntries.length === 0) return;
  root.addState(
    config,
    { module: address, type: "aws_ebs_volume", name: "data" },
    volumeEntries.map((v) =>
      stateInstance(
        {
          id: v.volume.id,
          arn: `arn:aws:ec2:${v.volume.region}:${v.volume.accountId}:volume/${v.volume.id}`,
          availability_zone: v.volume.az,
          size: v.volume.sizeGiB,
          type: v.volume.volumeType,
          tags: v.volume.tags,
        },
        v.key,
      ),
    ),
  );
  root.addState(
    config,
    { module: address, type: "aws_volume_attachment", name: "data" },
    volumeEntries.map((v) => {
      const instanceId = keyed.find((e) => e.key === v.instanceKey)?.instance.id ?? "";
      return stateInstance(
        {
          id: volumeAttachmentId(v.device, instanceId, v.volume.id),
          device_name: v.device,
          instance_id: instanceId,
          volume_id: v.volume.id,
        },
        v.key,
      );
    }),
  );
}

/** The id the AWS provider gives an attachment: "vai-" and a hash of device, instance and volume. */
export function volumeAttachmentId(device: string, instanceId: string, volumeId: string): string {
  let hash = 0;
  for (const c of `${device}-${instanceId}-${volumeId}-`) hash = (Math.imul(hash, 31) + c.charCodeAt(0)) | 0;
  return `vai-${hash >>> 0}`;
}
