// Standalone EBS volumes: unattached ones (the orphans a detector finds) as plain `aws_ebs_volume` blocks,
// and volumes attached to instances Terraform does not manage with an `aws_volume_attachment` beside them.
import type { EbsVolume } from "../../org/model";
import { attr, blank, block, multi } from "../hcl/render";
import { str, tagLines } from "../hcl/syntax";
import { volumeAttachmentId } from "./fleets";
import { labelOf } from "./instance-parts";
import { type RootBuilder, stateInstance } from "./root-builder";

export function addStandaloneVolume(root: RootBuilder, volume: EbsVolume): void {
  const config = root.provider(volume.accountId, volume.region);
  const name = root.uniqueName("aws_ebs_volume", labelOf(volume, "volume"));
  root.add(
    "volumes.tf",
    block(`resource "aws_ebs_volume" ${str(name)}`, [
      ...(config.alias ? [...root.providerAttr(config), blank] : []),
      attr("availability_zone", str(volume.az)),
      attr("size", String(volume.sizeGiB)),
      attr("type", str(volume.volumeType)),
      attr("encrypted", "true"),
      blank,
      multi("tags", tagLines(volume.tags)),
    ]),
  );
  root.addState(config, { type: "aws_ebs_volume", name }, [
    stateInstance({
      id: volume.id,
      arn: `arn:aws:ec2:${volume.region}:${volume.accountId}:volume/${volume.id}`,
      availability_zone: volume.az,
      size: volume.sizeGiB,
      type: volume.volumeType,
      encrypted: true,
      tags: volume.tags,
    }),
  ]);
  if (volume.state !== "in-use" || !volume.attachedInstanceId) return;
  const device = "/dev/sdh";
  // The instance was launched by hand (or by an auto-scaling group), so its id is pinned, not referenced.
  root.add(
    "volumes.tf",
    block(`resource "aws_volume_attachment" ${str(name)}`, [
      ...(config.alias ? [...root.providerAttr(config), blank] : []),
      attr("device_name", str(device)),
      attr("volume_id", `aws_ebs_volume.${name}.id`),
      attr("instance_id", str(volume.attachedInstanceId)),
    ]),
  );
  root.addState(config, { type: "aws_volume_attachment", name }, [
    stateInstance({
      id: volumeAttachmentId(device, volume.attachedInstanceId, volume.id),
      device_name: device,
      instance_id: volume.attachedInstanceId,
      volume_id: volume.id,
    }),
  ]);
}
